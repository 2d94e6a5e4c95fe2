package dev.servinglab.workshop.data;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Stores one graded attempt at a confusion-matrix exercise. */
@Entity
@Table(name = "exercise_result")
public class ExerciseResult extends Report {

    public String exercise;

    /** Whether all four metrics were right. */
    public boolean solved;
}
