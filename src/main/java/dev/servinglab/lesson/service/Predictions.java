package dev.servinglab.lesson.service;

import dev.servinglab.lesson.markdown.PredictionNode;
import dev.servinglab.web.problem.InvalidInputException;
import dev.servinglab.web.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

/**
 * Hands out the reveal of a lesson's prediction element, and only for a committed prediction: a choice the element
 * lists, a number, or a text of the learner's own.
 */
@ApplicationScoped
public class Predictions {

    /** The name of the parameter that carries the committed prediction. */
    public static final String PREDICTION = "prediction";

    /** The largest number a prediction may be, either way: larger is a typo, not a prediction. */
    static final double MAX_NUMBER = 1e12;

    private final LessonRepository lessons;

    Predictions(LessonRepository lessons) {
        this.lessons = lessons;
    }

    /** Holds a lesson and one of its prediction elements. */
    record Element(Lesson lesson, Prediction prediction) {}

    /**
     * Returns the reveal of a prediction element for a committed prediction.
     *
     * @param slug   the lesson
     * @param id     the element
     * @param answer the committed prediction, as the page's form sends it
     * @throws ResourceNotFoundException if there is no such lesson or element
     * @throws InvalidInputException     if the prediction is missing, too long, or does not fit the element
     */
    public PredictionReveal reveal(String slug, String id, String answer) {
        Lesson lesson = lessons.find(slug)
                .map(LessonPosition::lesson)
                .orElseThrow(() -> new ResourceNotFoundException("no lesson '" + slug + "'"));
        Prediction prediction = lesson.prediction(id)
                .orElseThrow(() -> new ResourceNotFoundException("lesson " + slug + " has no prediction '" + id
                        + "'; its predictions: "
                        + lesson.predictions().stream().map(Prediction::id).toList()));
        String committed = committed(answer);
        String words = switch (prediction.kind()) {
            case CHOICE -> choice(prediction, committed).text();
            case NUMBER -> number(committed);
            case TEXT -> committed;
        };
        return new PredictionReveal(
                slug, id, prediction.kind().word(), committed, words, prediction.revealHtml(), prediction.check());
    }

    private static String committed(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new InvalidInputException(
                    PREDICTION, "required", "is required: commit a prediction first, the reveal comes after");
        }
        if (answer.length() > PredictionNode.MAX_ANSWER_CHARS) {
            throw new InvalidInputException(
                    PREDICTION, "maxLength", "must be at most " + PredictionNode.MAX_ANSWER_CHARS + " characters");
        }
        return answer.strip();
    }

    private static Prediction.Choice choice(Prediction prediction, String answer) {
        String rule = "must be the number of one of the choices, 1 to "
                + prediction.choices().size();
        if (!answer.matches("\\d{1,3}")) {
            throw new InvalidInputException(PREDICTION, "choice", rule);
        }
        return prediction
                .choice(Integer.parseInt(answer))
                .orElseThrow(() -> new InvalidInputException(PREDICTION, "choice", rule));
    }

    private static String number(String answer) {
        String rule = "must be a number from -1e12 to 1e12, such as 42 or 0.5";
        double value;
        try {
            value = Double.parseDouble(answer);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(PREDICTION, "number", rule);
        }
        if (!Double.isFinite(value) || Math.abs(value) > MAX_NUMBER || !answer.matches("[-+]?[0-9.eE+-]+")) {
            throw new InvalidInputException(PREDICTION, "number", rule);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
