package dev.servinglab.lesson.service;

import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.ContentYaml;
import dev.servinglab.content.LivePlaceholders;
import dev.servinglab.content.TocEntry;
import dev.servinglab.lesson.markdown.LessonMarkdown;
import dev.servinglab.lesson.markdown.LiveValueNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * Reads one lesson file — YAML front matter, then Markdown with widget lines and live values — and checks
 * everything that can be checked in the file alone, naming the line of each problem. Links between lessons are
 * checked once all are read, by {@link LessonLinks}.
 */
public final class LessonParser {

    /** A lesson file name: two digits, a hyphen, a slug. */
    public static final Pattern FILE_NAME = Pattern.compile("(\\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\\.md");

    private static final Pattern WIDGET_LINE = Pattern.compile("^\\{\\{widget ([a-z0-9-]+)}}\\s*$");
    private static final String FENCE = "---";

    private final Set<String> knownWidgets;
    private final ContentYaml yaml;
    private final Parser markdown = LessonMarkdown.parser();

    /**
     * Creates a parser that accepts the given widget names and reads front matter with the given reader.
     */
    public LessonParser(Set<String> knownWidgets, ContentYaml yaml) {
        this.knownWidgets = Set.copyOf(knownWidgets);
        this.yaml = yaml;
    }

    /**
     * Parses and checks one lesson file.
     *
     * @param fileName the file's name, {@code NN-slug.md}
     * @param text     its content
     * @throws ContentValidationException naming the line of the first problem
     */
    public LessonSource parse(String fileName, String text) {
        Matcher name = FILE_NAME.matcher(fileName);
        if (!name.matches()) {
            throw new ContentValidationException(
                    fileName,
                    1,
                    "a lesson file is named NN-slug.md (two digits, a hyphen, lower-case words joined by hyphens)");
        }
        List<String> lines = text.replace("\r\n", "\n").lines().toList();
        if (lines.isEmpty() || !lines.getFirst().equals(FENCE)) {
            throw new ContentValidationException(
                    fileName,
                    1,
                    "a lesson starts with front matter: a line '---', "
                            + "YAML (title, summary, minutes, objectives, widgets), a line '---'");
        }
        int end = lines.subList(1, lines.size()).indexOf(FENCE) + 1;
        if (end == 0) {
            throw new ContentValidationException(fileName, 1, "the front matter is not closed by a line '---'");
        }
        ContentYaml.Document<FrontMatter> front =
                yaml.read(fileName, "front matter", 1, String.join("\n", lines.subList(1, end)), FrontMatter.class);
        FrontMatter meta = front.value();
        List<String> widgets = meta.widgets().stream().map(String::strip).toList();
        for (int i = 0; i < widgets.size(); i++) {
            if (!knownWidgets.contains(widgets.get(i))) {
                throw front.problem(unknownWidget(widgets.get(i)), "widgets", i);
            }
        }

        int bodyStart = end + 2; // 1-based line of the first body line
        List<LessonSource.Part> parts = splitBody(fileName, lines.subList(end + 1, lines.size()), bodyStart);
        List<String> placed = parts.stream()
                .filter(p -> p.widget() != null)
                .map(LessonSource.Part::widget)
                .toList();
        if (!placed.equals(widgets)) {
            throw front.problem(
                    "the front matter lists widgets " + widgets + " but the body places " + placed
                            + " (each once, in that order)",
                    "widgets");
        }
        List<TocEntry> headings = new ArrayList<>();
        List<LessonSource.Link> links = new ArrayList<>();
        for (LessonSource.Part part : parts) {
            if (part.markdown() != null) {
                checkMarkdown(fileName, part, headings, links);
            }
        }
        return new LessonSource(
                fileName.substring(0, fileName.length() - 3),
                Integer.parseInt(name.group(1)),
                fileName,
                meta.title().strip(),
                meta.summary().strip(),
                meta.minutes(),
                meta.objectives().stream().map(String::strip).toList(),
                widgets,
                meta.quiz() == null ? null : meta.quiz().strip(),
                parts,
                List.copyOf(headings),
                List.copyOf(links));
    }

    private List<LessonSource.Part> splitBody(String file, List<String> body, int firstLine) {
        List<LessonSource.Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int textStart = firstLine;
        for (int i = 0; i < body.size(); i++) {
            int line = firstLine + i;
            Matcher widget = WIDGET_LINE.matcher(body.get(i));
            if (widget.matches()) {
                if (!knownWidgets.contains(widget.group(1))) {
                    throw new ContentValidationException(file, line, unknownWidget(widget.group(1)));
                }
                addMarkdown(parts, text, textStart);
                parts.add(new LessonSource.Part(null, widget.group(1), line));
                text.setLength(0);
                textStart = line + 1;
            } else {
                text.append(body.get(i)).append('\n');
            }
        }
        addMarkdown(parts, text, textStart);
        return List.copyOf(parts);
    }

    private static void addMarkdown(List<LessonSource.Part> parts, StringBuilder text, int line) {
        if (!text.toString().isBlank()) {
            parts.add(new LessonSource.Part(text.toString(), null, line));
        }
    }

    private void checkMarkdown(
            String file, LessonSource.Part part, List<TocEntry> headings, List<LessonSource.Link> links) {
        markdown.parse(part.markdown()).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLevel() == 1) {
                    throw new ContentValidationException(
                            file,
                            part.lineOf(heading),
                            "a lesson has no level-1 heading ('# …'): the title comes from the front matter; "
                                    + "use '## ' for sections");
                }
                if (heading.getLevel() <= 3) {
                    String text = LessonMarkdown.text(heading);
                    headings.add(new TocEntry(heading.getLevel(), text, TocEntry.anchor(text)));
                }
                visitChildren(heading);
            }

            @Override
            public void visit(Link link) {
                if (link.getDestination().contains("{{")) {
                    throw new ContentValidationException(file, part.lineOf(link), inLink());
                }
                links.add(new LessonSource.Link(link.getDestination(), part.lineOf(link)));
                visitChildren(link);
            }

            @Override
            public void visit(CustomNode node) {
                if (node instanceof LiveValueNode live) {
                    int line = part.lineOf(live);
                    LivePlaceholders.parse(live.directive(), file, line);
                    for (Node around = live.getParent(); around != null; around = around.getParent()) {
                        if (around instanceof Heading) {
                            throw new ContentValidationException(
                                    file,
                                    line,
                                    "a live value cannot stand in a heading: its anchor must not change with the "
                                            + "model; put it in the text below");
                        }
                        if (around instanceof Link || around instanceof Image) {
                            throw new ContentValidationException(file, line, inLink());
                        }
                    }
                }
                visitChildren(node);
            }
        });
    }

    private static String inLink() {
        return "a live value cannot stand in a link or an image; put it in the text next to it";
    }

    private String unknownWidget(String name) {
        return "unknown widget '" + name + "'; known widgets: "
                + String.join(", ", knownWidgets.stream().sorted().toList());
    }
}
