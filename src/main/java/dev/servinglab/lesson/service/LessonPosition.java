package dev.servinglab.lesson.service;

/**
 * Holds a lesson with its neighbours in the course, for its page.
 *
 * @param lesson   the lesson
 * @param previous the lesson before it, or {@code null} for the first
 * @param next     the lesson after it, or {@code null} for the last
 */
public record LessonPosition(Lesson lesson, Lesson previous, Lesson next) {}
