package dev.servinglab.workshop.data;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * Stores a learner's finished training run, as the server recorded it (never as the browser says): for the
 * class's leaderboard and its curves.
 */
@Entity
@Table(name = "training_result")
public class TrainingResult extends Report {

    @Column(name = "run_id")
    public String runId;

    public String dataset;

    /** The run's hyperparameters, in JSON. */
    public String hyperparameters;

    public int epochs;

    /** Why the run stopped, as the training API names it. */
    public String stop;

    /** The lowest validation loss of the run; null when it had no validation split. */
    @Column(name = "validation_loss")
    public Double validationLoss;

    /** The kept model's accuracy on the test split; null for a failed run. */
    @Column(name = "test_accuracy")
    public Double testAccuracy;

    /** The per-epoch losses and accuracies, in JSON. */
    public String curves;
}
