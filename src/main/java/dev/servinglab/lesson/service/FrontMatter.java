package dev.servinglab.lesson.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * Holds a lesson's front matter as written, the YAML between the two {@code ---} lines at its top. Unknown keys are
 * refused; the widget names are checked against the widgets there are by {@link LessonParser}.
 *
 * @param title      the title
 * @param summary    one sentence
 * @param minutes    the time the lesson takes
 * @param objectives what the learner will be able to do
 * @param widgets    the widgets the body places, in order ({@code []} for none)
 * @param quiz       the quiz that ends the lesson (its file name without {@code .yaml}), if any
 */
public record FrontMatter(
        @NotBlank(message = FrontMatter.TEXT) String title,
        @NotBlank(message = FrontMatter.TEXT) String summary,

        @NotNull(message = FrontMatter.MINUTES)
        @Min(value = 1, message = FrontMatter.MINUTES)
        @Max(value = 240, message = FrontMatter.MINUTES)
        Integer minutes,

        @NotEmpty(message = "must be a list of at least one text")
        List<@NotBlank(message = FrontMatter.TEXT) String> objectives,

        @NotNull(message = "must be a list ([] for none)") List<@NotBlank(message = FrontMatter.TEXT) String> widgets,

        @Pattern(regexp = "(?s).*\\S.*", message = FrontMatter.TEXT)
        String quiz) {

    static final String TEXT = "must be a non-empty text";
    static final String MINUTES = "must be a whole number from 1 to 240";
}
