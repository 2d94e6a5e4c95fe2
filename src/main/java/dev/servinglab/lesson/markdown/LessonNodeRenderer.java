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
        return Set.of(LiveValueNode.class, WidgetNode.class, TableBlock.class);
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
