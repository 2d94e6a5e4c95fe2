package dev.servinglab.lesson.markdown;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Writes the nodes a lesson adds to CommonMark, and its tables: a live value as a marked {@code <span>}, a widget as
 * its HTML, and a table inside a region that scrolls sideways on a phone. A new renderer is made for every document,
 * so the tables of one lesson are numbered from 1.
 */
final class LessonNodeRenderer implements NodeRenderer {

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;
    private int tables;

    LessonNodeRenderer(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(LiveValueNode.class, WidgetNode.class, PredictionNode.class, TableBlock.class);
    }

    @Override
    public void render(Node node) {
        switch (node) {
            case LiveValueNode live -> liveValue(live);
            case WidgetNode widget -> {
                html.line();
                html.raw(widget.html());
                html.line();
            }
            case PredictionNode prediction -> prediction(prediction);
            case TableBlock table -> table(table);
            default -> throw new IllegalArgumentException("not a lesson node: " + node);
        }
    }

    private void liveValue(LiveValueNode live) {
        if (live.value() == null) {
            throw new IllegalStateException("live value {{" + live.directive() + "}} was not filled in");
        }
        html.tag("span", attributes("class", "live", "title", "Computed live by the running model"));
        html.text(live.value());
        html.tag("/span");
    }

    private void prediction(PredictionNode prediction) {
        // Plain HTML that works without scripts: the form asks the server for the reveal page. With scripts,
        // /js/lesson/predict.js keeps the prediction in this browser and shows the reveal in place.
        String id = "predict-" + prediction.id();
        String question = id + "-question";
        html.line();
        html.tag(
                "section",
                attributes(
                        "class", "predict", "id", id, "data-predict", prediction.id(), "data-kind", prediction.kind()));
        html.tag("p", attributes("class", "predict-title"));
        html.text(prediction.kind().equals("text") ? "Make your own call" : "Predict first");
        html.tag("/p");
        html.tag("div", attributes("class", "predict-question", "id", question));
        html.raw(prediction.questionHtml());
        html.tag("/div");
        html.tag("form", attributes("class", "predict-form", "method", "get", "action", prediction.action()));
        switch (prediction.kind()) {
            case "choice" -> {
                html.tag("fieldset", attributes("class", "predict-choices", "aria-labelledby", question));
                for (int i = 0; i < prediction.choicesHtml().size(); i++) {
                    String choice = id + "-" + (i + 1);
                    html.tag("div", attributes("class", "predict-choice"));
                    html.tag(
                            "input",
                            attributes(
                                    "type",
                                    "radio",
                                    "name",
                                    "prediction",
                                    "id",
                                    choice,
                                    "value",
                                    "" + (i + 1),
                                    "required",
                                    ""),
                            true);
                    html.tag("label", attributes("for", choice));
                    html.raw(prediction.choicesHtml().get(i));
                    html.tag("/label");
                    html.tag("/div");
                }
                html.tag("/fieldset");
            }
            case "number" -> {
                html.tag("label", attributes("for", id + "-prediction"));
                html.text("Your prediction (a number)");
                html.tag("/label");
                html.tag(
                        "input",
                        attributes(
                                "type",
                                "number",
                                "step",
                                "any",
                                "name",
                                "prediction",
                                "id",
                                id + "-prediction",
                                "aria-describedby",
                                question,
                                "required",
                                "",
                                "autocomplete",
                                "off"),
                        true);
            }
            default -> {
                html.tag("label", attributes("for", id + "-prediction"));
                html.text(
                        "Your call, in a sentence or two (at most " + PredictionNode.MAX_ANSWER_CHARS + " characters)");
                html.tag("/label");
                html.tag(
                        "textarea",
                        attributes(
                                "name",
                                "prediction",
                                "id",
                                id + "-prediction",
                                "rows",
                                "3",
                                "maxlength",
                                "" + PredictionNode.MAX_ANSWER_CHARS,
                                "aria-describedby",
                                question,
                                "required",
                                ""));
                html.tag("/textarea");
            }
        }
        html.tag("p", attributes("class", "predict-actions"));
        html.tag("button", attributes("type", "submit", "class", "button"));
        html.text(prediction.kind().equals("text") ? "Commit my call" : "Commit my prediction");
        html.tag("/button");
        html.tag("span", attributes("class", "muted"));
        html.text(
                prediction.kind().equals("text")
                        ? " A model answer appears once you have written yours."
                        : " What happens, and why, appears once you commit.");
        html.tag("/span");
        html.tag("/p");
        html.tag("p", attributes("class", "predict-error", "data-predict-error", "", "role", "alert", "hidden", ""));
        html.tag("/p");
        html.tag("/form");
        html.tag("div", attributes("class", "predict-reveal", "data-reveal", "", "tabindex", "-1", "hidden", ""));
        html.tag("/div");
        html.tag("/section");
        html.line();
    }

    private void table(TableBlock table) {
        // The region is focusable so that keyboards can scroll it too, and numbered so that a page's regions have
        // distinct names.
        html.line();
        html.tag(
                "div",
                attributes(
                        "class",
                        "table-scroll",
                        "tabindex",
                        "0",
                        "role",
                        "region",
                        "aria-label",
                        "Table " + ++tables + " (scrolls sideways)"));
        html.tag("table", context.extendAttributes(table, "table", Map.of()));
        for (Node child = table.getFirstChild(); child != null; child = child.getNext()) {
            context.render(child);
        }
        html.tag("/table");
        html.tag("/div");
        html.line();
    }

    private static Map<String, String> attributes(String... namesAndValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return attributes;
    }
}
