package dev.servinglab.lesson.service;

import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.LivePlaceholders;
import dev.servinglab.lesson.markdown.LessonMarkdown;
import dev.servinglab.lesson.markdown.LiveValueNode;
import dev.servinglab.lesson.markdown.PredictionNode;
import dev.servinglab.lesson.markdown.WidgetNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns a checked lesson into HTML: one Markdown document of its text and widgets, live values filled in, rendered
 * by {@link LessonMarkdown}'s renderer (anchors, links between lessons, scrolling tables).
 */
public final class LessonRenderer {

    /** The ES module of the prediction elements, loaded by every lesson that has one. */
    static final String PREDICT_SCRIPT = "/js/lesson/predict.js";

    private final Parser parser = LessonMarkdown.parser();
    private final HtmlRenderer html = LessonMarkdown.renderer();

    /**
     * Renders a lesson with the given live values, the HTML of every widget by name, and the scripts its widgets
     * need.
     *
     * @throws ContentValidationException if a live value names no value
     */
    public Lesson render(
            LessonSource source, LivePlaceholders live, Map<String, String> widgets, List<String> scripts) {
        Document lesson = new Document();
        List<Prediction> predictions = new ArrayList<>();
        for (LessonSource.Part part : source.parts()) {
            if (part.widget() != null) {
                lesson.appendChild(new WidgetNode(widgets.get(part.widget())));
            } else if (part.prediction() != null) {
                Prediction prediction = prediction(source, part.prediction(), live, widgets);
                predictions.add(prediction);
                lesson.appendChild(node(source, part.prediction(), prediction, live));
            } else {
                Node text = parser.parse(part.markdown());
                fill(text, source.file(), part, live);
                for (Node block = text.getFirstChild(); block != null; ) {
                    Node next = block.getNext();
                    lesson.appendChild(block); // moves it: the part's document is left empty
                    block = next;
                }
            }
        }
        return new Lesson(
                source.slug(),
                source.number(),
                source.title(),
                source.summary(),
                source.minutes(),
                source.objectives(),
                source.quiz(),
                source.headings(),
                html.render(lesson),
                predictions.isEmpty() ? scripts : withPredictScript(scripts),
                List.copyOf(predictions));
    }

    private static List<String> withPredictScript(List<String> scripts) {
        List<String> all = new ArrayList<>(scripts);
        all.add(PREDICT_SCRIPT);
        return List.copyOf(all);
    }

    private Prediction prediction(
            LessonSource source, PredictionSource element, LivePlaceholders live, Map<String, String> widgets) {
        String check = element.check();
        if (check != null
                && source.widgets().stream().noneMatch(w -> widgets.get(w).contains("id=\"" + check + "\""))) {
            throw new ContentValidationException(
                    source.file(),
                    element.reveal().line() - 1,
                    "check=" + check + " names no control of this lesson's widgets " + source.widgets()
                            + ": give the id of the control the learner checks the reveal with");
        }
        List<Prediction.Choice> choices = new ArrayList<>();
        if (element.kind() == PredictionSource.Kind.CHOICE) {
            for (Node item : choiceItems(source, element, live)) {
                choices.add(new Prediction.Choice(LessonMarkdown.text(item), inlineHtml(item)));
            }
        }
        Node reveal = parser.parse(element.reveal().markdown());
        fill(reveal, source.file(), element.reveal(), live);
        return new Prediction(element.id(), element.kind(), List.copyOf(choices), html.render(reveal), check);
    }

    private PredictionNode node(
            LessonSource source, PredictionSource element, Prediction prediction, LivePlaceholders live) {
        Node question = parser.parse(element.question().markdown());
        fill(question, source.file(), element.question(), live);
        if (element.kind() == PredictionSource.Kind.CHOICE) {
            question.getLastChild().unlink(); // the choices: the form shows them
        }
        return new PredictionNode(
                element.id(),
                element.kind().word(),
                "/lessons/" + source.slug() + "/predictions/" + element.id(),
                html.render(question),
                prediction.choices().stream().map(Prediction.Choice::html).toList());
    }

    private List<Node> choiceItems(LessonSource source, PredictionSource element, LivePlaceholders live) {
        Node question = parser.parse(element.question().markdown());
        fill(question, source.file(), element.question(), live);
        List<Node> items = new ArrayList<>();
        // The parser checked that the question ends with a bullet list of one paragraph per item.
        for (Node item = question.getLastChild().getFirstChild(); item != null; item = item.getNext()) {
            items.add(item.getFirstChild());
        }
        return items;
    }

    /** Renders a paragraph's inline content, without the paragraph around it. */
    private String inlineHtml(Node paragraph) {
        Document holder = new Document();
        for (Node child = paragraph.getFirstChild(); child != null; ) {
            Node next = child.getNext();
            holder.appendChild(child);
            child = next;
        }
        return html.render(holder).strip();
    }

    private static void fill(Node text, String file, LessonSource.Part part, LivePlaceholders live) {
        text.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
                if (node instanceof LiveValueNode value) {
                    int line = part.lineOf(value);
                    value.fill(live.write(LivePlaceholders.parse(value.directive(), file, line), file, line));
                }
                visitChildren(node);
            }
        });
    }
}
