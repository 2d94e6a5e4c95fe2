package dev.servinglab.training.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Holds one promoted model as the database keeps it, for every instance of the app to load.
 */
@Entity
@Table(name = "promoted_model")
public class StoredModel extends PanacheEntityBase {

    /** The name the model is served under. */
    @Id
    public String name;

    /** The training run it came from, which is also its version. */
    @Column(name = "run_id")
    public String runId;

    /** The data set it was trained on. */
    public String dataset;

    /** When it was promoted: the store lets the oldest go first. */
    @Column(name = "created_at")
    public Instant createdAt;

    /** Everything but the network, in JSON. */
    public String card;

    /** The trained network, in Java serialisation. */
    public byte[] network;
}
