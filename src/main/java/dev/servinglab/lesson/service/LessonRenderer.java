package dev.servinglab.lesson.service;

import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.LivePlaceholders;
import dev.servinglab.lesson.markdown.LessonMarkdown;
import dev.servinglab.lesson.markdown.LiveValueNode;
import dev.servinglab.lesson.markdown.WidgetNode;
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
        for (LessonSource.Part part : source.parts()) {
            if (part.widget() != null) {
                lesson.appendChild(new WidgetNode(widgets.get(part.widget())));
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
                scripts);
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
