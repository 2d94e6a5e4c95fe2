package dev.servinglab.lesson.service;

import dev.servinglab.content.TocEntry;
import java.util.List;
import java.util.Optional;

/**
 * Holds a lesson ready to show: its metadata, its sections and its body as HTML, live values filled in.
 *
 * @param slug       its URL name, e.g. {@code 01-what-happens-when-you-call-a-model-api}
 * @param number     its number
 * @param title      its title
 * @param summary    one sentence
 * @param minutes    the time it takes
 * @param objectives what the learner will be able to do
 * @param quiz       the quiz that ends it, or {@code null}
 * @param headings   its sections, for the table of contents
 * @param html       its body as HTML
 * @param scripts    the ES modules its widgets and prediction elements need, each once
 * @param predictions its prediction elements, in order
 */
public record Lesson(
        String slug,
        int number,
        String title,
        String summary,
        int minutes,
        List<String> objectives,
        String quiz,
        List<TocEntry> headings,
        String html,
        List<String> scripts,
        List<Prediction> predictions) {

    /** Returns the lesson's page path. */
    public String path() {
        return "/lessons/" + slug;
    }

    /** The {@code view} that shows a lesson alone and large, for a projector. */
    public static final String PROJECTOR_VIEW = "projector";

    /** Returns the lesson's page for a projector: the lesson alone, large, its widgets working. */
    public String projectorPath() {
        return path() + "?view=" + PROJECTOR_VIEW;
    }

    /** Finds one of its prediction elements by id. */
    public Optional<Prediction> prediction(String id) {
        return predictions.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Returns the page that shows a committed prediction and its reveal, for a browser without scripts. */
    public String predictionPath(String id) {
        return path() + "/predictions/" + id;
    }

    /** Returns its level-2 sections only. */
    public List<TocEntry> sections() {
        return headings.stream().filter(h -> h.level() == 2).toList();
    }
}
