package dev.servinglab.workshop.service;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Shows a workshop as instructor and learners see it: no secret, no learner.
 *
 * @param code         the join code
 * @param displayCode  the join code as read aloud, in two groups
 * @param title        the workshop's title
 * @param createdAt    when it was created
 * @param closed       whether it takes no more joins and reports
 * @param answersHeld  whether quiz feedback waits until the instructor releases a lesson's answers
 * @param lessons      the lessons in play, in order
 * @param follow       the section the instructor asks the class to follow; null for none
 * @param presented    what the presenter view shows, {@code quiz/question} or {@code lesson#section}; null for nothing
 * @param revealed     whether the class's results for it are shown
 */
@Schema(name = "Workshop", description = "A workshop, as instructor and learners see it")
public record WorkshopView(
        @Schema(examples = "KXP47R") String code,
        @Schema(examples = "KXP-47R") String displayCode,
        @Schema(examples = "Serving models, Tuesday group") String title,
        Instant createdAt,
        boolean closed,
        boolean answersHeld,
        List<LessonInPlay> lessons,
        Follow follow,
        String presented,
        boolean revealed) {

    /**
     * Holds one lesson in play.
     *
     * @param slug            the lesson's slug
     * @param number          its number in the course
     * @param title           its title
     * @param path            its page
     * @param released        whether learners may open it
     * @param answersReleased whether its quiz gives feedback (always, unless the workshop holds answers)
     */
    @Schema(name = "WorkshopLesson")
    public record LessonInPlay(
            String slug, int number, String title, String path, boolean released, boolean answersReleased) {}

    /**
     * Holds the section the instructor pushes to the class.
     *
     * @param lesson  the lesson's slug
     * @param section the section's anchor, or null for the lesson's top
     * @param title   what the learners' pages say they can jump to
     * @param path    the page and anchor to jump to
     */
    @Schema(name = "WorkshopFollow")
    public record Follow(String lesson, String section, String title, String path) {}

    /** Returns the lesson in play with a slug, or null. */
    public LessonInPlay lesson(String slug) {
        return lessons.stream()
                .filter(lesson -> lesson.slug().equals(slug))
                .findFirst()
                .orElse(null);
    }
}
