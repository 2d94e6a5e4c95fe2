package dev.servinglab.workshop.data;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/**
 * Holds what every report of a learner has: an id from the one report sequence, its number in its workshop (in
 * commit order: the dashboard says which reports it shows by the highest number), its workshop, its learner and when
 * it came.
 */
@MappedSuperclass
public abstract class Report extends PanacheEntityBase {

    /**
     * How many ids one call to the sequence reserves: a class reporting hundreds a second then asks the database for
     * ids a few times a second instead of once per report. The one report writer assigns them in commit order, so
     * a later report of that instance has a higher id; across instances only {@link #seq} is in commit order. The
     * sequence's own increment (migration V2) must match it.
     */
    static final int IDS_PER_CALL = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_seq")
    @SequenceGenerator(name = "report_seq", sequenceName = "report_seq", allocationSize = IDS_PER_CALL)
    public Long id;

    /** The report's number in its workshop, from 1, in the order the reports committed (migration V3). */
    @Column(name = "seq")
    public long seq;

    @ManyToOne
    @JoinColumn(name = "workshop_id")
    public Workshop workshop;

    @ManyToOne
    @JoinColumn(name = "learner_id")
    public Learner learner;

    @Column(name = "reported_at")
    public Instant reportedAt;
}
