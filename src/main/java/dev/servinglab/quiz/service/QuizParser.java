package dev.servinglab.quiz.service;

import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.ContentYaml;
import dev.servinglab.content.LivePlaceholders;
import dev.servinglab.content.LiveValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

    private final Map<String, Set<String>> sectionsByLesson;
    private final LivePlaceholders live;
    private final ContentYaml yaml;

    /**
     * Creates a parser that checks quizzes against the given lessons and live values.
     *
     * @param sectionsByLesson the section anchors of every lesson, by lesson slug
     * @param live             the live values quiz text may name
     * @param yaml             the reader of content YAML
     */
    public QuizParser(Map<String, Set<String>> sectionsByLesson, LivePlaceholders live, ContentYaml yaml) {
        this.sectionsByLesson = sectionsByLesson;
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
        Set<String> sections = sectionsByLesson.get(slug);
        if (sections == null) {
            throw new ContentValidationException(
                    fileName,
                    1,
                    "no lesson " + slug + ".md for this quiz; a quiz is named after its lesson: "
                            + String.join(
                                    ", ",
                                    sectionsByLesson.keySet().stream().sorted().toList()));
        }
        Reading reading = new Reading(fileName, yaml.read(fileName, "quiz", 0, text, QuizFile.class), sections);
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < reading.file().questions().size(); i++) {
            Question question = reading.question(i);
            if (!ids.add(question.id())) {
                throw reading.problem(i, "question id '" + question.id() + "' is used twice");
            }
            questions.add(question);
        }
        return new Quiz(slug, reading.file().title().strip(), List.copyOf(questions));
    }

    /** Reads the questions of one file, which every message names. */
    private final class Reading {

        private final String file;
        private final ContentYaml.Document<QuizFile> document;
        private final Set<String> sections;

        Reading(String file, ContentYaml.Document<QuizFile> document, Set<String> sections) {
            this.file = file;
            this.document = document;
            this.sections = sections;
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
            String prompt = fill(q.prompt(), index, "prompt");
            return q.kind() == Question.Kind.NUMERIC
                    ? numeric(q, index, section, prompt)
                    : choice(q, index, section, prompt);
        }

        private Question choice(QuizFile.Entry q, int index, String section, String prompt) {
            Map<String, Object> numericOnly = new LinkedHashMap<>();
            numericOnly.put("answer", q.answer());
            numericOnly.put("answer_live", q.answerLive());
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
                options.add(new Question.Option(
                        fill(option.text(), index, "options", i, "text"),
                        option.correct(),
                        fill(option.explanation(), index, "options", i, "explanation")));
            }
            long right = options.stream().filter(Question.Option::correct).count();
            if (q.kind() == Question.Kind.SINGLE && right != 1) {
                throw problem(
                        index,
                        "a single-choice question has exactly one correct option; this one has " + right,
                        "options");
            }
            if (q.kind() == Question.Kind.MULTIPLE && (right == 0 || right == options.size())) {
                throw problem(
                        index, "a multiple-choice question has at least one correct and one wrong option", "options");
            }
            return new Question(q.id(), q.kind(), section, prompt, List.copyOf(options), null, 0, null);
        }

        private Question numeric(QuizFile.Entry q, int index, String section, String prompt) {
            if (q.options() != null) {
                throw problem(index, "a numeric question has no options", "options");
            }
            if ((q.answer() == null) == (q.answerLive() == null)) {
                throw problem(
                        index,
                        "a numeric question has either 'answer' or 'answer_live' (a number of the running model), "
                                + "not both or neither");
            }
            double answer = q.answer() != null ? q.answer() : liveAnswer(q.answerLive(), index);
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
                    q.id(), Question.Kind.NUMERIC, section, prompt, List.of(), answer, q.tolerance(), explanation);
        }

        private double liveAnswer(String spec, int index) {
            int line = document.line(path(index, "answer_live"));
            return live.number(LiveValue.parse(spec, file, line), file, line);
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
