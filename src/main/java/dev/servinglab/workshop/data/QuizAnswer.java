package dev.servinglab.workshop.data;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Stores one attempt of a learner at a quiz question, graded by the server. */
@Entity
@Table(name = "quiz_answer")
@AttributeOverride(name = "reportedAt", column = @Column(name = "answered_at"))
public class QuizAnswer extends Report {

    public String quiz;

    public String question;

    /** The answer as the quiz API takes it, in JSON: {@code {"choices":[1]}} or {@code {"value":0.8}}. */
    public String answer;

    public boolean correct;
}
