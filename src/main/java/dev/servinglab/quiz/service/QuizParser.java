package dev.servinglab.quiz.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.LiveValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one quiz file ({@code quizzes/<lesson-slug>.yaml}) and checks it against its lesson and the running model,
 * naming the line of every problem. YAML is read as a node tree so that each value keeps its line.
 */
public final class QuizParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern LIVE = Pattern.compile("\\{\\{live (.*?)}}");
    private static final Set<String> QUIZ_KEYS = Set.of("title", "questions");
    private static final Set<String> QUESTION_KEYS =
            Set.of("id", "kind", "section", "prompt", "options", "answer", "answer_live", "tolerance", "explanation");
    private static final Set<String> OPTION_KEYS = Set.of("text", "correct", "explanation");

    private final Map<String, Set<String>> sectionsByLesson;
    private final Map<String, JsonNode> live;

    /**
     * Creates a parser that checks quizzes against the given lessons and live documents.
     *
     * @param sectionsByLesson the section anchors of every lesson, by lesson slug
     * @param live             the documents live values are taken from
     */
    public QuizParser(Map<String, Set<String>> sectionsByLesson, Map<String, JsonNode> live) {
        this.sectionsByLesson = sectionsByLesson;
        this.live = live;
    }

    /**
     * Parses and checks one quiz file.
     *
     * @param fileName {@code <lesson-slug>.yaml}
     * @throws ContentValidationException naming the line of the first problem
     */
    public Quiz parse(String fileName, String text) {
        if (!fileName.endsWith(".yaml")) {
            throw new ContentValidationException(fileName, 1, "a quiz file is named <lesson-slug>.yaml");
        }
        String slug = fileName.substring(0, fileName.length() - 5);
        Set<String> sections = sectionsByLesson.get(slug);
        if (sections == null) {
            throw new ContentValidationException(
                    fileName,
                    1,
                    "no lesson " + slug + ".md for this quiz; a quiz is " + "named after its lesson: "
                            + String.join(
                                    ", ",
                                    sectionsByLesson.keySet().stream().sorted().toList()));
        }
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new ContentValidationException(
                    fileName, e.getProblemMark().getLine() + 1, "not valid YAML: " + e.getProblem());
        }
        Map<String, Node> quiz = mapping(fileName, root, QUIZ_KEYS, "the quiz");
        String title = text(fileName, quiz, "title", root);
        Node questionsNode = quiz.get("questions");
        if (!(questionsNode instanceof SequenceNode list) || list.getValue().isEmpty()) {
            throw new ContentValidationException(
                    fileName,
                    line(questionsNode == null ? root : questionsNode),
                    "'questions' must be a list of at least one question");
        }
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node node : list.getValue()) {
            Question question = question(fileName, node, sections);
            if (!ids.add(question.id())) {
                throw new ContentValidationException(
                        fileName, line(node), "question id '" + question.id() + "' is used twice");
            }
            questions.add(question);
        }
        return new Quiz(slug, title, List.copyOf(questions));
    }

    private Question question(String file, Node node, Set<String> sections) {
        Map<String, Node> q = mapping(file, node, QUESTION_KEYS, "a question");
        String id = text(file, q, "id", node);
        if (!ID.matcher(id).matches()) {
            throw new ContentValidationException(
                    file, line(q.get("id")), "id '" + id + "' must be lowercase words " + "joined by hyphens");
        }
        Question.Kind kind;
        try {
            kind = Question.Kind.valueOf(text(file, q, "kind", node).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ContentValidationException(file, line(q.get("kind")), "kind must be single, multiple or numeric");
        }
        String section = text(file, q, "section", node);
        if (!sections.contains(section)) {
            throw new ContentValidationException(
                    file,
                    line(q.get("section")),
                    "section '" + section + "' is not a " + "section of the lesson; its sections: "
                            + String.join(", ", sections.stream().sorted().toList()));
        }
        String prompt = fill(file, text(file, q, "prompt", node), q.get("prompt"));
        if (kind == Question.Kind.NUMERIC) {
            return numeric(file, node, q, id, section, prompt);
        }
        for (String key : List.of("answer", "answer_live", "tolerance", "explanation")) {
            if (q.containsKey(key)) {
                throw new ContentValidationException(
                        file,
                        line(q.get(key)),
                        "'" + key + "' belongs to numeric " + "questions; a choice question explains each option");
            }
        }
        Node optionsNode = q.get("options");
        if (!(optionsNode instanceof SequenceNode list)
                || list.getValue().size() < 2
                || list.getValue().size() > 6) {
            throw new ContentValidationException(
                    file, line(optionsNode == null ? node : optionsNode), "'options' must be a list of 2 to 6 options");
        }
        List<Question.Option> options = new ArrayList<>();
        for (Node optionNode : list.getValue()) {
            Map<String, Node> o = mapping(file, optionNode, OPTION_KEYS, "an option");
            options.add(new Question.Option(
                    fill(file, text(file, o, "text", optionNode), o.get("text")),
                    bool(file, o, "correct", optionNode),
                    fill(file, text(file, o, "explanation", optionNode), o.get("explanation"))));
        }
        long right = options.stream().filter(Question.Option::correct).count();
        if (kind == Question.Kind.SINGLE && right != 1) {
            throw new ContentValidationException(
                    file,
                    line(optionsNode),
                    "a single-choice question has exactly one " + "correct option; this one has " + right);
        }
        if (kind == Question.Kind.MULTIPLE && (right == 0 || right == options.size())) {
            throw new ContentValidationException(
                    file,
                    line(optionsNode),
                    "a multiple-choice question has at least " + "one correct and one wrong option");
        }
        return new Question(id, kind, section, prompt, List.copyOf(options), null, 0, null);
    }

    private Question numeric(String file, Node node, Map<String, Node> q, String id, String section, String prompt) {
        if (q.containsKey("options")) {
            throw new ContentValidationException(file, line(q.get("options")), "a numeric question has no options");
        }
        Double answer;
        if (q.containsKey("answer") == q.containsKey("answer_live")) {
            throw new ContentValidationException(
                    file,
                    line(node),
                    "a numeric question has either 'answer' or "
                            + "'answer_live' (a number of the running model), not both or neither");
        }
        if (q.containsKey("answer")) {
            answer = number(file, q, "answer", node);
        } else {
            Node spec = q.get("answer_live");
            LiveValue value = LiveValue.parse(text(file, q, "answer_live", node), file, line(spec));
            answer = value.number(live);
            if (answer == null) {
                throw new ContentValidationException(
                        file, line(spec), "answer_live names no number of the running " + "model: " + value.text());
            }
        }
        double tolerance = number(file, q, "tolerance", node);
        if (tolerance < 0) {
            throw new ContentValidationException(file, line(q.get("tolerance")), "tolerance must not be negative");
        }
        String explanation = fill(file, text(file, q, "explanation", node), q.get("explanation"));
        return new Question(id, Question.Kind.NUMERIC, section, prompt, List.of(), answer, tolerance, explanation);
    }

    private String fill(String file, String text, Node node) {
        Matcher placeholder = LIVE.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            LiveValue value = LiveValue.parse(placeholder.group(1), file, line(node));
            String rendered = value.render(live);
            if (rendered == null) {
                throw new ContentValidationException(file, line(node), value.text() + " names no value");
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(rendered));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    private static Map<String, Node> mapping(String file, Node node, Set<String> keys, String what) {
        if (!(node instanceof MappingNode mapping)) {
            throw new ContentValidationException(
                    file, node == null ? 1 : line(node), what + " must be YAML keys and values");
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
            if (!keys.contains(key)) {
                throw new ContentValidationException(
                        file,
                        line(tuple.getKeyNode()),
                        "unknown key '" + key + "' in " + what + "; the keys are "
                                + String.join(", ", keys.stream().sorted().toList()));
            }
            values.put(key, tuple.getValueNode());
        }
        return values;
    }

    private static String text(String file, Map<String, Node> values, String key, Node parent) {
        Node node = values.get(key);
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw new ContentValidationException(
                    file, line(node == null ? parent : node), "'" + key + "' must be a non-empty text");
        }
        return scalar.getValue().strip();
    }

    private static double number(String file, Map<String, Node> values, String key, Node parent) {
        String text = text(file, values, key, parent);
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ContentValidationException(file, line(values.get(key)), "'" + key + "' must be a number");
    }

    private static boolean bool(String file, Map<String, Node> values, String key, Node parent) {
        String text = text(file, values, key, parent);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new ContentValidationException(
                        file, line(values.get(key)), "'" + key + "' must be true or false");
        };
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
