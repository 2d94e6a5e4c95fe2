package dev.servinglab.workshop.service;

/**
 * Reads what the presenter view shows, as the workshop stores it: a question ({@code quiz/question}, the quiz
 * named by its lesson's slug), a section ({@code lesson#section}) or a whole lesson ({@code lesson}).
 *
 * @param lesson   the lesson's slug (for a question, its quiz's)
 * @param question the question's id, or null for a section or lesson
 * @param section  the section's anchor, or null for a question or a whole lesson
 */
public record PresenterTarget(String lesson, String question, String section) {

    /** Reads a stored target. */
    public static PresenterTarget parse(String target) {
        int slash = target.indexOf('/');
        if (slash > 0) {
            return new PresenterTarget(target.substring(0, slash), target.substring(slash + 1), null);
        }
        int hash = target.indexOf('#');
        if (hash > 0) {
            return new PresenterTarget(target.substring(0, hash), null, target.substring(hash + 1));
        }
        return new PresenterTarget(target, null, null);
    }

    /** Returns whether the target is a quiz question. */
    public boolean isQuestion() {
        return question != null;
    }
}
