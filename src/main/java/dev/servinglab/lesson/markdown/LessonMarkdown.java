package dev.servinglab.lesson.markdown;

import dev.servinglab.content.TocEntry;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Reads and writes the Markdown of lessons: CommonMark with tables, directives {@code {{…}}} as
 * {@link LiveValueNode}s, widgets as {@link WidgetNode}s, headings with anchors, links between lessons made app paths,
 * and every table in a region that scrolls sideways.
 */
public final class LessonMarkdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Pattern LESSON_LINK = Pattern.compile("(\\d{2}-[a-z0-9-]+)\\.md(#.*)?");

    private LessonMarkdown() {}

    /** Builds the parser of lesson Markdown, with the source position of every node for messages. */
    public static Parser parser() {
        return Parser.builder()
                .extensions(EXTENSIONS)
                .customInlineContentParserFactory(new LiveValueInlineParser.Factory())
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
                .build();
    }

    /** Builds the HTML renderer of lesson Markdown; live values must be filled in before it runs. */
    public static HtmlRenderer renderer() {
        // Raw HTML in lessons is shown as text: lessons are content, not code, and the CSP forbids inline script.
        return HtmlRenderer.builder()
                // Before the tables extension: the first renderer registered for a node type is the one used.
                .nodeRendererFactory(LessonNodeRenderer::new)
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> {
                    int[] codeBlocks = {0}; // per document, like the tables' numbers
                    return (node, tag, attributes) -> {
                        if (node instanceof Heading heading) {
                            attributes.put("id", TocEntry.anchor(text(heading)));
                        } else if (node instanceof Link && attributes.containsKey("href")) {
                            attributes.put("href", appPath(attributes.get("href")));
                        } else if (tag.equals("pre")) {
                            // A code block may scroll sideways: keyboards must reach it, and it needs a name.
                            attributes.put("tabindex", "0");
                            attributes.put("role", "region");
                            attributes.put("aria-label", "Code " + ++codeBlocks[0] + " (scrolls sideways)");
                        }
                    };
                })
                .build();
    }

    /** Returns the plain text of a node's inline children, live values as filled in. */
    public static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(CustomNode node) {
                if (node instanceof LiveValueNode live && live.value() != null) {
                    text.append(live.value());
                }
                visitChildren(node);
            }
        });
        return text.toString().strip();
    }

    /** Returns the 0-based line of a node in the Markdown it was parsed from. */
    public static int lineIndex(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.getFirst().getLineIndex();
    }

    /** Returns the app path of a link between lessons ({@code 02-x.md#y} → {@code /lessons/02-x#y}). */
    static String appPath(String href) {
        Matcher lesson = LESSON_LINK.matcher(href);
        if (lesson.matches()) {
            return "/lessons/" + lesson.group(1) + (lesson.group(2) == null ? "" : lesson.group(2));
        }
        return href;
    }
}
