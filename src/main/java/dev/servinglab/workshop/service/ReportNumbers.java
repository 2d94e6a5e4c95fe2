package dev.servinglab.workshop.service;

import dev.servinglab.web.problem.ResourceNotFoundException;
import dev.servinglab.workshop.data.Workshop;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import org.hibernate.Session;

/**
 * Takes the numbers of a batch's reports in their workshops, in the batch's transaction: one update of each
 * workshop's counter, whose row lock keeps any other instance's reports for that workshop waiting until this batch
 * commits. Numbers therefore follow commits, across instances, and a batch that rolls back gives its numbers back.
 * Called before the batch writes anything, so the reads here flush nothing.
 */
final class ReportNumbers {

    private static final String TAKE = "update workshop set report_seq = report_seq + ? where id = ?";
    private static final String LAST = "select report_seq from workshop where id = ?";

    /** workshop id → the next number to give. */
    private final Map<Long, Long> next = new HashMap<>();

    private ReportNumbers() {}

    /**
     * Takes as many numbers as each workshop has reports in the batch.
     *
     * @param counts reports per workshop, sorted by workshop id: every instance locks workshops in the same order,
     *               so two batches never wait for each other's locks
     */
    static ReportNumbers take(SortedMap<Long, Integer> counts) {
        ReportNumbers numbers = new ReportNumbers();
        // Plain JDBC on the transaction's connection: this runs once per batch, and through Hibernate's native
        // queries it allocated more than the two statements themselves (in a class of 300, 326 of the numbering's
        // 544 MB; bench/RESULTS.md, 2026-12-02).
        Workshop.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement take = connection.prepareStatement(TAKE);
                    PreparedStatement last = connection.prepareStatement(LAST)) {
                for (Map.Entry<Long, Integer> workshop : counts.entrySet()) {
                    take.setInt(1, workshop.getValue());
                    take.setLong(2, workshop.getKey());
                    if (take.executeUpdate() == 1) {
                        last.setLong(1, workshop.getKey());
                        try (ResultSet seq = last.executeQuery()) {
                            seq.next();
                            numbers.next.put(workshop.getKey(), seq.getLong(1) - workshop.getValue() + 1);
                        }
                    }
                }
            }
        });
        return numbers;
    }

    /**
     * Gives the next number of a workshop.
     *
     * @throws ResourceNotFoundException when the workshop was deleted while the report waited for its batch
     */
    long next(long workshopId) {
        Long number = next.get(workshopId);
        if (number == null) {
            throw new ResourceNotFoundException("This workshop was deleted; nothing was stored.");
        }
        next.put(workshopId, number + 1);
        return number;
    }
}
