package dev.servinglab.workshop.service;

import dev.servinglab.web.problem.ResourceNotFoundException;
import dev.servinglab.workshop.data.Workshop;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * Takes the numbers of a batch's reports in their workshops, in the batch's transaction: one update of each
 * workshop's counter, whose row lock keeps any other instance's reports for that workshop waiting until this batch
 * commits. Numbers therefore follow commits, across instances, and a batch that rolls back gives its numbers back.
 * Called before the batch writes anything, so the reads here flush nothing.
 */
final class ReportNumbers {

    private static final String TAKE = "update workshop set report_seq = report_seq + ?1 where id = ?2";
    private static final String LAST = "select report_seq from workshop where id = ?1";

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
        EntityManager entities = Workshop.getEntityManager();
        counts.forEach((workshopId, count) -> {
            int updated = entities.createNativeQuery(TAKE)
                    .setParameter(1, count)
                    .setParameter(2, workshopId)
                    .executeUpdate();
            if (updated == 1) {
                long last = ((Number) entities.createNativeQuery(LAST)
                                .setParameter(1, workshopId)
                                .getSingleResult())
                        .longValue();
                numbers.next.put(workshopId, last - count + 1);
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
