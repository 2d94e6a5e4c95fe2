package dev.servinglab.workshop.data;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Stores one latency-lab run of a learner, as counts in the class histogram's buckets. */
@Entity
@Table(name = "latency_run")
public class LatencyRun extends Report {

    public int requests;

    public int errors;

    public int concurrency;

    /** How long the run took, in seconds. */
    public double seconds;

    /** The count of requests in each bucket of the class histogram, in JSON (an array). */
    public String buckets;
}
