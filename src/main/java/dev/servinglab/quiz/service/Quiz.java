package dev.servinglab.quiz.service;

import java.util.List;
import java.util.Optional;

/**
 * Holds the self-check of one lesson, answer key included.
 *
 * @param slug      the slug of its lesson
 * @param title     its title
 * @param questions its questions, in order
 */
public record Quiz(String slug, String title, List<Question> questions) {

    /** Finds a question by id. */
    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }
}
