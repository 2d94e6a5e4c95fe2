package dev.servinglab.workshop.data;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Stores a step of a learner through one lesson: visited, then completed. */
@Entity
@Table(name = "lesson_progress")
public class LessonProgress extends Report {

    public String lesson;

    /** {@code visited} or {@code completed}; a learner has at most one row of each. */
    public String state;
}
