package dev.servinglab.lesson.service;

import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.ContentYaml;
import dev.servinglab.content.LivePlaceholders;
import dev.servinglab.content.TocEntry;
import dev.servinglab.lesson.markdown.LessonMarkdown;
import dev.servinglab.lesson.markdown.LiveValueNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
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
    private static final Pattern PREDICT_LINE = Pattern.compile("^\\{\\{predict(?:\\s+(.*?))?}}\\s*$");
    private static final Pattern PREDICT_OPENING = Pattern.compile("([a-z0-9]+(?:-[a-z0-9]+)*) (choice|number|text)");
    private static final Pattern REVEAL_LINE = Pattern.compile("^\\{\\{reveal(?:\\s+(.*?))?}}\\s*$");
    private static final Pattern REVEAL_OPENING = Pattern.compile("check=([A-Za-z][A-Za-z0-9_-]*)");
    private static final Pattern END_PREDICT_LINE = Pattern.compile("^\\{\\{/predict}}\\s*$");
    private static final String PREDICT_SYNTAX = "a prediction is written {{predict ID choice|number|text}}, the "
            + "question, {{reveal}} or {{reveal check=CONTROL-ID}}, the reveal, {{/predict}}, each directive alone "
            + "on a line (see lessons/README.md)";
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
            } else if (part.prediction() != null) {
                checkMarkdown(fileName, part.prediction().question(), headings, links);
                checkMarkdown(fileName, part.prediction().reveal(), headings, links);
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
        Set<String> predictions = new HashSet<>();
        for (int i = 0; i < body.size(); i++) {
            int line = firstLine + i;
            Matcher widget = WIDGET_LINE.matcher(body.get(i));
            Matcher predict = PREDICT_LINE.matcher(body.get(i));
            if (widget.matches()) {
                if (!knownWidgets.contains(widget.group(1))) {
                    throw new ContentValidationException(file, line, unknownWidget(widget.group(1)));
                }
                addMarkdown(parts, text, textStart);
                parts.add(new LessonSource.Part(null, widget.group(1), line));
                text.setLength(0);
                textStart = line + 1;
            } else if (predict.matches()) {
                addMarkdown(parts, text, textStart);
                int end = predictionEnd(file, body, i, firstLine);
                PredictionSource prediction = prediction(file, body.subList(i, end + 1), line);
                if (!predictions.add(prediction.id())) {
                    throw new ContentValidationException(
                            file, line, "the lesson has two predictions named '" + prediction.id() + "'");
                }
                parts.add(new LessonSource.Part(null, null, line, prediction));
                text.setLength(0);
                i = end;
                textStart = firstLine + end + 1;
            } else if (REVEAL_LINE.matcher(body.get(i)).matches()
                    || END_PREDICT_LINE.matcher(body.get(i)).matches()) {
                throw new ContentValidationException(
                        file, line, "this directive stands outside a prediction: " + PREDICT_SYNTAX);
            } else {
                text.append(body.get(i)).append('\n');
            }
        }
        addMarkdown(parts, text, textStart);
        return List.copyOf(parts);
    }

    /** Returns the index in the body of the {{/predict}} line that closes the prediction opened at {@code start}. */
    private static int predictionEnd(String file, List<String> body, int start, int firstLine) {
        for (int i = start + 1; i < body.size(); i++) {
            if (END_PREDICT_LINE.matcher(body.get(i)).matches()) {
                return i;
            }
            if (PREDICT_LINE.matcher(body.get(i)).matches()) {
                throw new ContentValidationException(
                        file, firstLine + i, "a prediction cannot hold another; close the first with {{/predict}}");
            }
        }
        throw new ContentValidationException(
                file, firstLine + start, "this prediction is not closed by a line {{/predict}}: " + PREDICT_SYNTAX);
    }

    /** Reads one prediction, from its {{predict …}} line to its {{/predict}} line. */
    private PredictionSource prediction(String file, List<String> block, int line) {
        Matcher opening = PREDICT_LINE.matcher(block.getFirst());
        opening.matches();
        String words = opening.group(1) == null ? "" : opening.group(1).strip();
        Matcher idAndKind = PREDICT_OPENING.matcher(words);
        if (!idAndKind.matches()) {
            throw new ContentValidationException(file, line, "'{{predict " + words + "}}': " + PREDICT_SYNTAX);
        }
        PredictionSource.Kind kind =
                PredictionSource.Kind.valueOf(idAndKind.group(2).toUpperCase(Locale.ROOT));
        int reveal = -1;
        String check = null;
        for (int i = 1; i < block.size() - 1; i++) {
            Matcher revealLine = REVEAL_LINE.matcher(block.get(i));
            if (WIDGET_LINE.matcher(block.get(i)).matches()) {
                throw new ContentValidationException(
                        file, line + i, "a prediction holds no widget: place the widget before or after it");
            }
            if (!revealLine.matches()) {
                continue;
            }
            if (reveal >= 0) {
                throw new ContentValidationException(file, line + i, "a prediction has one {{reveal}} line");
            }
            reveal = i;
            if (revealLine.group(1) != null) {
                Matcher checkWord = REVEAL_OPENING.matcher(revealLine.group(1).strip());
                if (!checkWord.matches()) {
                    throw new ContentValidationException(
                            file, line + i, "'{{reveal " + revealLine.group(1) + "}}': " + PREDICT_SYNTAX);
                }
                check = checkWord.group(1);
            }
        }
        if (reveal < 0) {
            throw new ContentValidationException(
                    file, line, "this prediction has no {{reveal}} line: " + PREDICT_SYNTAX);
        }
        LessonSource.Part question = blockPart(file, block.subList(1, reveal), line + 1, "question");
        LessonSource.Part answer =
                blockPart(file, block.subList(reveal + 1, block.size() - 1), line + reveal + 1, "reveal");
        if (kind == PredictionSource.Kind.CHOICE) {
            checkChoices(file, question, line);
        }
        return new PredictionSource(idAndKind.group(1), kind, question, answer, check, line);
    }

    private LessonSource.Part blockPart(String file, List<String> lines, int line, String what) {
        String text = lines.stream().map(l -> l + "\n").collect(Collectors.joining());
        if (text.isBlank()) {
            throw new ContentValidationException(file, line, "this prediction's " + what + " is empty");
        }
        LessonSource.Part part = new LessonSource.Part(text, null, line);
        markdown.parse(text).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                throw new ContentValidationException(
                        file,
                        part.lineOf(heading),
                        "a prediction holds no heading: its " + what + " is shown inside the section around it");
            }
        });
        return part;
    }

    private void checkChoices(String file, LessonSource.Part question, int line) {
        Node last = markdown.parse(question.markdown()).getLastChild();
        if (!(last instanceof BulletList list)) {
            throw new ContentValidationException(
                    file,
                    line,
                    "a choice prediction's question ends with a bullet list of the choices, one '- choice' a line");
        }
        int choices = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            choices++;
            if (!(item.getFirstChild() instanceof Paragraph) || item.getFirstChild() != item.getLastChild()) {
                throw new ContentValidationException(
                        file, question.lineOf(item), "a choice is one line of text, without nested blocks");
            }
        }
        if (choices < 2) {
            throw new ContentValidationException(
                    file, question.lineOf(list), "a choice prediction lists at least two choices");
        }
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
