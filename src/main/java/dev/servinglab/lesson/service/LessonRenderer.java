package dev.servinglab.lesson.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.LiveValue;
import dev.servinglab.content.TocEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns a checked lesson into HTML: fills in live values, renders the Markdown, rewrites links between
 * lessons, gives headings their anchors and puts the widgets in place.
 */
public final class LessonRenderer {

    /** The Markdown extensions lessons may use. */
    public static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private static final Pattern LIVE = Pattern.compile("\\{\\{live (.*?)}}");
    private static final Pattern LESSON_LINK = Pattern.compile("(\\d{2}-[a-z0-9-]+)\\.md(#.*)?");
    private static final String TOKEN = "LIVEVALUE%dX";
    private static final Pattern TABLE = Pattern.compile("<table>");
    private static final Pattern TOKEN_PATTERN = Pattern.compile("LIVEVALUE(\\d+)X");

    private final Parser parser = LessonParser.markdownParser(EXTENSIONS);
    // Raw HTML in lessons is shown as text: lessons are content, not code, and the CSP forbids inline script.
    private final HtmlRenderer html = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Heading heading) {
                    attributes.put("id", TocEntry.anchor(LessonParser.textOf(heading)));
                } else if (node instanceof Link && attributes.containsKey("href")) {
                    attributes.put("href", rewrite(attributes.get("href")));
                } else if (tag.equals("pre")) {
                    attributes.put("tabindex", "0"); // a code block may scroll sideways: keyboards must reach it
                }
            })
            .build();

    /**
     * Renders a lesson with the given live documents, the HTML of every widget by name, and the scripts its
     * widgets need.
     *
     * @throws ContentValidationException if a live value names no value
     */
    public Lesson render(
            LessonSource source, Map<String, JsonNode> live, Map<String, String> widgets, List<String> scripts) {
        StringBuilder body = new StringBuilder();
        AtomicInteger tables = new AtomicInteger();
        for (LessonSource.Part part : source.parts()) {
            if (part.widget() != null) {
                body.append(widgets.get(part.widget()));
            } else {
                body.append(markdown(source.file(), part, live, tables));
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
                body.toString(),
                scripts);
    }

    private String markdown(String file, LessonSource.Part part, Map<String, JsonNode> live, AtomicInteger tables) {
        List<String> values = new ArrayList<>();
        String[] lines = part.markdown().split("\n", -1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            Matcher placeholder = LIVE.matcher(lines[i]);
            StringBuilder line = new StringBuilder();
            while (placeholder.find()) {
                LiveValue value = LiveValue.parse(placeholder.group(1), file, part.line() + i);
                String rendered = value.render(live);
                if (rendered == null) {
                    throw new ContentValidationException(
                            file,
                            part.line() + i,
                            value.text() + " names no value: "
                                    + "sources are " + String.join(", ", live.keySet())
                                    + " (a model card, or the example trace); check the path");
                }
                values.add(rendered);
                placeholder.appendReplacement(line, String.format(TOKEN, values.size() - 1));
            }
            placeholder.appendTail(line);
            text.append(line).append('\n');
        }
        String rendered = html.render(parser.parse(text.toString()));
        // Tables scroll sideways on a phone; the region is focusable so that keyboards can scroll it too, and
        // numbered so that a page's regions have distinct names.
        Matcher table = TABLE.matcher(rendered);
        StringBuilder numbered = new StringBuilder();
        while (table.find()) {
            table.appendReplacement(
                    numbered,
                    "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" " + "aria-label=\"Table "
                            + tables.incrementAndGet() + " (scrolls sideways)\"><table>");
        }
        table.appendTail(numbered);
        rendered = numbered.toString().replace("</table>", "</table></div>");
        Matcher token = TOKEN_PATTERN.matcher(rendered);
        StringBuilder out = new StringBuilder();
        while (token.find()) {
            String value = escape(values.get(Integer.parseInt(token.group(1))));
            token.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            "<span class=\"live\" title=\"Computed live by the running model\">" + value + "</span>"));
        }
        token.appendTail(out);
        return out.toString();
    }

    /** Returns the app path of a link between lessons ({@code 02-x.md#y} → {@code /lessons/02-x#y}). */
    static String rewrite(String href) {
        Matcher lesson = LESSON_LINK.matcher(href);
        if (lesson.matches()) {
            return "/lessons/" + lesson.group(1) + (lesson.group(2) == null ? "" : lesson.group(2));
        }
        return href;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
