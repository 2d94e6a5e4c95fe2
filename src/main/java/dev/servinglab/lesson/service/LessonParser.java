package dev.servinglab.lesson.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.LiveValue;
import dev.servinglab.content.TocEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads one lesson file — YAML front matter, then Markdown with widget lines and live values — and checks
 * everything that can be checked in the file alone, naming the line of each problem.
 */
public final class LessonParser {

    /** A lesson file name: two digits, a hyphen, a slug. */
    public static final Pattern FILE_NAME = Pattern.compile("(\\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\\.md");

    private static final Pattern WIDGET_LINE = Pattern.compile("^\\{\\{widget ([a-z0-9-]+)}}\\s*$");
    private static final Pattern DIRECTIVE = Pattern.compile("\\{\\{(.*?)}}");
    private static final Set<String> KEYS = Set.of("title", "summary", "minutes", "objectives", "widgets", "quiz");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Set<String> knownWidgets;
    private final Parser markdown;

    /**
     * Creates a parser that accepts the given widget names.
     */
    public LessonParser(Set<String> knownWidgets, Parser markdown) {
        this.knownWidgets = Set.copyOf(knownWidgets);
        this.markdown = markdown;
    }

    /**
     * Builds the Markdown parser lessons use: CommonMark with tables, with source positions for messages.
     */
    public static Parser markdownParser(List<Extension> extensions) {
        return Parser.builder()
                .extensions(extensions)
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
                .build();
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
                    "a lesson file is named NN-slug.md (two digits, a "
                            + "hyphen, lower-case words joined by hyphens)");
        }
        List<String> lines = text.replace("\r\n", "\n").lines().toList();
        if (lines.isEmpty() || !lines.getFirst().equals("---")) {
            throw new ContentValidationException(
                    fileName,
                    1,
                    "a lesson starts with front matter: a line '---', "
                            + "YAML (title, summary, minutes, objectives, widgets), a line '---'");
        }
        int end = lines.subList(1, lines.size()).indexOf("---") + 1;
        if (end == 0) {
            throw new ContentValidationException(fileName, 1, "the front matter is not closed by a line '---'");
        }
        List<String> front = lines.subList(1, end);
        JsonNode meta = frontMatter(fileName, front);
        String title = requireText(fileName, front, meta, "title");
        String summary = requireText(fileName, front, meta, "summary");
        int minutes = requireMinutes(fileName, front, meta);
        List<String> objectives = requireList(fileName, front, meta, "objectives", false);
        List<String> widgets = requireList(fileName, front, meta, "widgets", true);
        String quiz = meta.hasNonNull("quiz") ? requireText(fileName, front, meta, "quiz") : null;
        for (String widget : widgets) {
            if (!knownWidgets.contains(widget)) {
                throw new ContentValidationException(
                        fileName,
                        lineOfKey(front, "widgets"),
                        "unknown widget '" + widget + "'; known widgets: " + String.join(", ", sorted(knownWidgets)));
            }
        }

        int bodyStart = end + 2; // 1-based line of the first body line
        List<LessonSource.Part> parts = splitBody(fileName, lines.subList(end + 1, lines.size()), bodyStart);
        List<String> placed = parts.stream()
                .filter(p -> p.widget() != null)
                .map(LessonSource.Part::widget)
                .toList();
        if (!placed.equals(widgets)) {
            throw new ContentValidationException(
                    fileName,
                    lineOfKey(front, "widgets"),
                    "the front matter lists " + "widgets " + widgets + " but the body places " + placed
                            + " (each once, in that order)");
        }
        List<TocEntry> headings = new ArrayList<>();
        for (LessonSource.Part part : parts) {
            if (part.markdown() != null) {
                checkMarkdown(fileName, part, headings);
            }
        }
        return new LessonSource(
                fileName.substring(0, fileName.length() - 3),
                Integer.parseInt(name.group(1)),
                fileName,
                title,
                summary,
                minutes,
                objectives,
                widgets,
                quiz,
                parts,
                headings);
    }

    /**
     * Returns every link of a lesson's Markdown with its line, for the checks that need all lessons.
     */
    public List<Map.Entry<String, Integer>> links(LessonSource lesson) {
        List<Map.Entry<String, Integer>> links = new ArrayList<>();
        for (LessonSource.Part part : lesson.parts()) {
            if (part.markdown() == null) {
                continue;
            }
            markdown.parse(part.markdown()).accept(new AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    links.add(Map.entry(link.getDestination(), line(part, link)));
                    visitChildren(link);
                }
            });
        }
        return links;
    }

    /**
     * Checks that every link of a lesson leads somewhere: another lesson (and its section), a section of the
     * same lesson, an app path or an outside address.
     *
     * @param bySlug every lesson, by slug
     * @throws ContentValidationException naming the line of the first broken link
     */
    public void checkLinks(LessonSource source, Map<String, LessonSource> bySlug) {
        for (Map.Entry<String, Integer> link : links(source)) {
            String target = link.getKey();
            if (target.startsWith("/") || target.matches("(?i)(https?|mailto):.*")) {
                continue;
            }
            int hash = target.indexOf('#');
            String page = hash < 0 ? target : target.substring(0, hash);
            String anchor = hash < 0 ? null : target.substring(hash + 1);
            LessonSource linked = page.isEmpty()
                    ? source
                    : page.endsWith(".md") ? bySlug.get(page.substring(0, page.length() - 3)) : null;
            if (linked == null) {
                throw new ContentValidationException(
                        source.file(),
                        link.getValue(),
                        "broken link '" + target
                                + "': link to another lesson as NN-slug.md or NN-slug.md#section, or to an app path "
                                + "starting with /");
            }
            if (anchor != null && linked.headings().stream().noneMatch(h -> h.id().equals(anchor))) {
                throw new ContentValidationException(
                        source.file(),
                        link.getValue(),
                        "broken link '" + target + "': " + linked.file() + " has no section #" + anchor);
            }
        }
    }

    private static JsonNode frontMatter(String file, List<String> front) {
        JsonNode meta;
        try {
            meta = YAML.readTree(String.join("\n", front));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr() + 1;
            throw new ContentValidationException(
                    file,
                    line,
                    "the front matter is not valid YAML: "
                            + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (meta == null || !meta.isObject()) {
            throw new ContentValidationException(file, 2, "the front matter must be YAML keys such as 'title: …'");
        }
        for (Iterator<String> keys = meta.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                throw new ContentValidationException(
                        file,
                        lineOfKey(front, key),
                        "unknown front matter key '" + key + "'; the keys are " + String.join(", ", sorted(KEYS)));
            }
        }
        return meta;
    }

    private static String requireText(String file, List<String> front, JsonNode meta, String key) {
        JsonNode value = meta.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new ContentValidationException(file, lineOfKey(front, key), "'" + key + "' must be a non-empty text");
        }
        return value.asText().strip();
    }

    private static int requireMinutes(String file, List<String> front, JsonNode meta) {
        JsonNode value = meta.get("minutes");
        if (value == null || !value.isInt() || value.asInt() < 1 || value.asInt() > 240) {
            throw new ContentValidationException(
                    file, lineOfKey(front, "minutes"), "'minutes' must be a whole number from 1 to 240");
        }
        return value.asInt();
    }

    private static List<String> requireList(
            String file, List<String> front, JsonNode meta, String key, boolean mayBeEmpty) {
        JsonNode value = meta.get(key);
        if (value == null || !value.isArray() || (!mayBeEmpty && value.isEmpty())) {
            throw new ContentValidationException(
                    file,
                    lineOfKey(front, key),
                    "'" + key + "' must be a list" + (mayBeEmpty ? " ([] for none)" : " of at least one text"));
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new ContentValidationException(file, lineOfKey(front, key), "'" + key + "' must hold texts only");
            }
            items.add(item.asText().strip());
        }
        return List.copyOf(items);
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
                    throw new ContentValidationException(
                            file,
                            line,
                            "unknown widget '" + widget.group(1) + "'; known widgets: "
                                    + String.join(", ", sorted(knownWidgets)));
                }
                addMarkdown(parts, text, textStart);
                parts.add(new LessonSource.Part(null, widget.group(1), line));
                text.setLength(0);
                textStart = line + 1;
                continue;
            }
            Matcher directive = DIRECTIVE.matcher(body.get(i));
            while (directive.find()) {
                String content = directive.group(1);
                if (!content.startsWith("live ")) {
                    throw new ContentValidationException(
                            file,
                            line,
                            "unknown directive {{" + content + "}}: use "
                                    + "{{live SOURCE PATH [FORMAT]}} in text, or {{widget NAME}} alone on a line");
                }
                LiveValue.parse(content.substring(5), file, line);
            }
            text.append(body.get(i)).append('\n');
        }
        addMarkdown(parts, text, textStart);
        return List.copyOf(parts);
    }

    private static void addMarkdown(List<LessonSource.Part> parts, StringBuilder text, int line) {
        if (!text.toString().isBlank()) {
            parts.add(new LessonSource.Part(text.toString(), null, line));
        }
    }

    private void checkMarkdown(String file, LessonSource.Part part, List<TocEntry> headings) {
        markdown.parse(part.markdown()).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLevel() == 1) {
                    throw new ContentValidationException(
                            file,
                            line(part, heading),
                            "a lesson has no level-1 "
                                    + "heading ('# …'): the title comes from the front matter; use '## ' for sections");
                }
                String text = textOf(heading);
                if (text.contains("{{live")) {
                    throw new ContentValidationException(
                            file,
                            line(part, heading),
                            "a live value cannot stand in a "
                                    + "heading: its anchor must not change with the model; put it in the text below");
                }
                if (heading.getLevel() <= 3) {
                    headings.add(new TocEntry(heading.getLevel(), text, TocEntry.anchor(text)));
                }
            }

            @Override
            public void visit(Link link) {
                if (link.getDestination().contains("{{") || textOf(link).contains("{{live")) {
                    throw new ContentValidationException(
                            file,
                            line(part, link),
                            "a live value cannot stand in a " + "link; put it in the text next to it");
                }
                visitChildren(link);
            }
        });
    }

    /** Returns the plain text of a node's inline children. */
    static String textOf(Node node) {
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
        });
        return text.toString().strip();
    }

    private static int line(LessonSource.Part part, Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return part.line() + (spans.isEmpty() ? 0 : spans.getFirst().getLineIndex());
    }

    private static int lineOfKey(List<String> front, String key) {
        for (int i = 0; i < front.size(); i++) {
            if (front.get(i).startsWith(key + ":")) {
                return i + 2;
            }
        }
        return 1;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
