package dev.servinglab.quiz.service;

import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.ContentYaml;
import dev.servinglab.content.LivePlaceholders;
import dev.servinglab.content.LiveValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads one quiz file ({@code quizzes/<lesson-slug>.yaml}) into a {@link Quiz} and checks it against its lesson and
 * the running model, naming the line of every problem: {@link ContentYaml} binds and validates it as a
 * {@link QuizFile}, and this class checks what depends on a question's kind, its lesson and the live values.
 */
public final class QuizParser {

    /** Variants drawn at startup to check a parametrised question: each must give a problem with a finite answer. */
    static final int VARIANTS_CHECKED = 200;

    private final Map<String, LessonOutline> lessons;
    private final LivePlaceholders live;
    private final ContentYaml yaml;

    /**
     * Holds what a quiz is checked against in its lesson.
     *
     * @param sections   the anchors of its sections
     * @param objectives its objectives, in order: questions name them by number, from 1
     */
    public record LessonOutline(Set<String> sections, List<String> objectives) {}

    /**
     * Creates a parser that checks quizzes against the given lessons and live values.
     *
     * @param lessons the outline of every lesson, by lesson slug
     * @param live    the live values quiz text may name
     * @param yaml    the reader of content YAML
     */
    public QuizParser(Map<String, LessonOutline> lessons, LivePlaceholders live, ContentYaml yaml) {
        this.lessons = lessons;
        this.live = live;
        this.yaml = yaml;
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
        LessonOutline lesson = lessons.get(slug);
        if (lesson == null) {
            throw new ContentValidationException(
                    fileName,
                    1,
                    "no lesson " + slug + ".md for this quiz; a quiz is named after its lesson: "
                            + String.join(
                                    ", ", lessons.keySet().stream().sorted().toList()));
        }
        Reading reading = new Reading(fileName, yaml.read(fileName, "quiz", 0, text, QuizFile.class), lesson);
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<Integer> tested = new HashSet<>();
        for (int i = 0; i < reading.file().questions().size(); i++) {
            Question question = reading.question(i);
            if (!ids.add(question.id())) {
                throw reading.problem(i, "question id '" + question.id() + "' is used twice");
            }
            questions.add(question);
            tested.addAll(question.objectives());
        }
        for (int n = 1; n <= lesson.objectives().size(); n++) {
            if (!tested.contains(n)) {
                throw reading.document.problem(
                        "the lesson's objective " + n + ", \""
                                + lesson.objectives().get(n - 1)
                                + "\", is tested by no question; every objective needs one: name it in the "
                                + "objectives of a question that tests it",
                        "questions");
            }
        }
        return new Quiz(slug, reading.file().title().strip(), List.copyOf(questions));
    }

    /** Reads the questions of one file, which every message names. */
    private final class Reading {

        private final String file;
        private final ContentYaml.Document<QuizFile> document;
        private final Set<String> sections;
        private final List<String> objectives;

        Reading(String file, ContentYaml.Document<QuizFile> document, LessonOutline lesson) {
            this.file = file;
            this.document = document;
            this.sections = lesson.sections();
            this.objectives = lesson.objectives();
        }

        QuizFile file() {
            return document.value();
        }

        Question question(int index) {
            QuizFile.Entry q = file().questions().get(index);
            String section = q.section().strip();
            if (!sections.contains(section)) {
                throw problem(
                        index,
                        "section '" + section + "' is not a section of the lesson; its sections: "
                                + String.join(", ", sections.stream().sorted().toList()),
                        "section");
            }
            for (int i = 0; i < q.objectives().size(); i++) {
                int n = q.objectives().get(i);
                if (n > objectives.size()) {
                    throw problem(
                            index,
                            "objective " + n + " is not in the lesson, whose objectives are numbered 1 to "
                                    + objectives.size(),
                            "objectives",
                            i);
                }
            }
            List<Integer> tests = q.objectives().stream().distinct().sorted().toList();
            String prompt = fill(q.prompt(), index, "prompt");
            Map<String, Double> known = new LinkedHashMap<>();
            if (q.live() != null) {
                q.live().forEach((name, spec) -> known.put(name, liveNumber(spec, index, "live", name)));
            }
            return q.kind() == Question.Kind.NUMERIC
                    ? numeric(q, index, section, tests, prompt, Collections.unmodifiableMap(known))
                    : choice(q, index, section, tests, prompt, Collections.unmodifiableMap(known));
        }

        private Question choice(
                QuizFile.Entry q,
                int index,
                String section,
                List<Integer> tests,
                String prompt,
                Map<String, Double> known) {
            Map<String, Object> numericOnly = new LinkedHashMap<>();
            numericOnly.put("answer", q.answer());
            numericOnly.put("answer_live", q.answerLive());
            numericOnly.put("answer_formula", q.answerFormula());
            numericOnly.put("inputs", q.inputs());
            numericOnly.put("where", q.where());
            numericOnly.put("tolerance", q.tolerance());
            numericOnly.put("explanation", q.explanation());
            numericOnly.forEach((key, value) -> {
                if (value != null) {
                    throw problem(
                            index,
                            "'" + key + "' belongs to numeric questions; a choice question explains each option",
                            key);
                }
            });
            if (q.options() == null) {
                throw problem(index, "'options' must be a list of 2 to 6 options");
            }
            List<Question.Option> options = new ArrayList<>();
            for (int i = 0; i < q.options().size(); i++) {
                QuizFile.Option option = q.options().get(i);
                if ((option.correct() == null) == (option.correctIf() == null)) {
                    throw problem(
                            index,
                            "an option has 'correct' (true or false) or 'correct_if' (a formula of the question's "
                                    + "live values), not "
                                    + (option.correct() == null ? "neither" : "both"),
                            "options",
                            i);
                }
                boolean correct = option.correct() != null
                        ? option.correct()
                        : formula(option.correctIf(), known.keySet(), index, "options", i, "correct_if")
                                        .apply(known)
                                != 0;
                options.add(new Question.Option(
                        fill(option.text(), index, "options", i, "text"),
                        correct,
                        fill(option.explanation(), index, "options", i, "explanation")));
            }
            long right = options.stream().filter(Question.Option::correct).count();
            if (q.kind() == Question.Kind.SINGLE && right != 1) {
                throw problem(
                        index,
                        "a single-choice question has exactly one correct option; this one has " + right
                                + (q.live() == null ? "" : " with the live values " + known),
                        "options");
            }
            // Every option may be right: a learner must not be able to rule out "all of them".
            if (q.kind() == Question.Kind.MULTIPLE && right == 0) {
                throw problem(index, "a multiple-choice question has at least one correct option", "options");
            }
            return new Question(q.id(), q.kind(), section, tests, prompt, List.copyOf(options), null, 0, null, null);
        }

        private Question numeric(
                QuizFile.Entry q,
                int index,
                String section,
                List<Integer> tests,
                String prompt,
                Map<String, Double> known) {
            if (q.options() != null) {
                throw problem(index, "a numeric question has no options", "options");
            }
            long answers = Stream.of(q.answer(), q.answerLive(), q.answerFormula())
                    .filter(a -> a != null)
                    .count();
            if (answers != 1) {
                throw problem(
                        index,
                        "a numeric question has one of 'answer', 'answer_live' (a number of the running model) or "
                                + "'answer_formula' (computed from its inputs), not "
                                + (answers == 0 ? "none" : "several"));
            }
            if (q.inputs() != null && q.answerFormula() == null) {
                throw problem(
                        index,
                        "a question with 'inputs' computes its answer from them: give 'answer_formula'",
                        "inputs");
            }
            if (q.answerFormula() != null && q.inputs() == null && q.live() == null) {
                throw problem(
                        index,
                        "'answer_formula' reads 'inputs' (generated) or 'live' values (of the running model); this "
                                + "question has neither",
                        "answer_formula");
            }
            if (q.where() != null && q.inputs() == null) {
                throw problem(index, "'where' belongs to a question with 'inputs'", "where");
            }
            if (q.inputs() != null) {
                return parametrised(q, index, section, tests, prompt, known);
            }
            double answer = q.answer() != null
                    ? q.answer()
                    : q.answerLive() != null
                            ? liveNumber(q.answerLive(), index, "answer_live")
                            : formula(q.answerFormula(), known.keySet(), index, "answer_formula")
                                    .apply(known);
            if (!Double.isFinite(answer)) {
                throw problem(index, "'answer' must be a finite number", "answer");
            }
            if (q.tolerance() == null || !Double.isFinite(q.tolerance())) {
                throw problem(index, "'tolerance' must be a number: how far from the answer still counts", "tolerance");
            }
            if (q.explanation() == null) {
                throw problem(index, "'explanation' must be a non-empty text: the worked solution");
            }
            String explanation = fill(q.explanation(), index, "explanation");
            return new Question(
                    q.id(),
                    Question.Kind.NUMERIC,
                    section,
                    tests,
                    prompt,
                    List.of(),
                    answer,
                    q.tolerance(),
                    explanation,
                    null);
        }

        private Question parametrised(
                QuizFile.Entry q,
                int index,
                String section,
                List<Integer> tests,
                String prompt,
                Map<String, Double> known) {
            Map<String, Parameters.Range> inputs = new LinkedHashMap<>();
            q.inputs().forEach((name, input) -> {
                if (known.containsKey(name)) {
                    throw problem(index, "'" + name + "' is both an input and a live value", "inputs", name);
                }
                if (input.max() < input.min()) {
                    throw problem(index, "'max' must not be below 'min'", "inputs", name, "max");
                }
                inputs.put(
                        name, new Parameters.Range(input.min(), input.max(), input.step() == null ? 1 : input.step()));
            });
            if (q.tolerance() == null || !Double.isFinite(q.tolerance())) {
                throw problem(index, "'tolerance' must be a number: how far from the answer still counts", "tolerance");
            }
            if (q.explanation() == null) {
                throw problem(index, "'explanation' must be a non-empty text: the worked solution");
            }
            String explanation = fill(q.explanation(), index, "explanation");
            Set<String> names = new LinkedHashSet<>(inputs.keySet());
            names.addAll(known.keySet());
            Formula answer = formula(q.answerFormula(), names, index, "answer_formula");
            Formula where = q.where() == null ? null : formula(q.where(), names, index, "where");
            placeholders(prompt, names, index, "prompt");
            placeholders(explanation, names, index, "explanation");
            Set<String> shown = Set.copyOf(Parameters.placeholders(prompt));
            for (String name : inputs.keySet()) {
                if (!shown.contains(name)) {
                    throw problem(
                            index,
                            "input '" + name + "' is not shown in the prompt: write {" + name + "} there",
                            "prompt");
                }
            }
            Parameters parameters =
                    new Parameters(Collections.unmodifiableMap(inputs), known, where, answer, prompt, explanation);
            Parameters.Variant first = null;
            for (int variant = 0; variant < VARIANTS_CHECKED; variant++) {
                Parameters.Variant drawn;
                try {
                    drawn = parameters.variant(q.id(), variant);
                } catch (IllegalStateException e) {
                    throw problem(index, e.getMessage(), "where");
                }
                if (!Double.isFinite(drawn.answer())) {
                    throw problem(
                            index,
                            "the answer of variant " + variant + " is not a finite number (inputs " + drawn.values()
                                    + "); narrow the inputs or add a 'where' condition",
                            "answer_formula");
                }
                first = first == null ? drawn : first;
            }
            return new Question(
                    q.id(),
                    Question.Kind.NUMERIC,
                    section,
                    tests,
                    first.prompt(),
                    List.of(),
                    first.answer(),
                    q.tolerance(),
                    first.explanation(),
                    parameters);
        }

        private Formula formula(String text, Set<String> names, int index, Object... key) {
            Formula formula;
            try {
                formula = Formula.parse(text.strip());
            } catch (IllegalArgumentException e) {
                throw problem(index, e.getMessage(), key);
            }
            for (String name : formula.names()) {
                if (!names.contains(name)) {
                    throw problem(
                            index,
                            "formula '" + text.strip() + "' reads '" + name + "', which is neither an input nor a "
                                    + "live value of the question; it has: "
                                    + (names.isEmpty() ? "none" : String.join(", ", names)),
                            key);
                }
            }
            return formula;
        }

        private void placeholders(String text, Set<String> inputs, int index, String key) {
            for (String placeholder : Parameters.placeholders(text)) {
                if (placeholder.startsWith("=")) {
                    formula(placeholder.substring(1).split("\\|")[0], inputs, index, key);
                } else if (!inputs.contains(placeholder)) {
                    throw problem(
                            index,
                            "{" + placeholder + "} is not an input; the inputs: " + String.join(", ", inputs),
                            key);
                }
            }
        }

        private double liveNumber(String spec, int index, Object... key) {
            int line = document.line(path(index, key));
            return live.number(LiveValue.parse(spec.strip(), file, line), file, line);
        }

        private String fill(String text, int index, Object... key) {
            return live.fill(text.strip(), file, document.line(path(index, key)));
        }

        ContentValidationException problem(int index, String message, Object... key) {
            return document.problem(message, path(index, key));
        }

        private static Object[] path(int index, Object... key) {
            return Stream.concat(Stream.of("questions", index), Stream.of(key)).toArray();
        }
    }
}
