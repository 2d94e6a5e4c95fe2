package dev.servinglab.lesson.service;

import java.util.Locale;

/**
 * Holds one prediction element of a lesson as read: the question the learner answers before anything is shown, and
 * the reveal kept on the server until they have.
 *
 * @param id       its name, unique in the lesson (lower-case words joined by hyphens)
 * @param kind     what the learner commits to
 * @param question the question, Markdown; for {@link Kind#CHOICE} it ends with a bullet list of the choices
 * @param reveal   what happened and why, Markdown
 * @param check    the id of the widget control that lets the learner check the reveal themself, or {@code null}
 * @param line     the 1-based line of its opening {@code {{predict …}}}
 */
public record PredictionSource(
        String id, Kind kind, LessonSource.Part question, LessonSource.Part reveal, String check, int line) {

    /** Says what a learner commits to before the reveal. */
    public enum Kind {
        /** One of the choices the question lists. */
        CHOICE,
        /** A number. */
        NUMBER,
        /** Their own call in a few sentences; the reveal is a model answer. */
        TEXT;

        /** Returns the name lessons write it by, e.g. {@code choice}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
