package dev.servinglab.workshop.service;

import dev.servinglab.workshop.data.Learner;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Remembers who a learner's token belongs to and what each workshop looks like, so that a page, a report or a
 * stream of a class of hundreds does not query the database for the same learner and workshop on every request.
 * Forgets an entry as soon as a change to it commits; an entry read while a change committed is not kept, so the
 * memory never holds a state older than the database's.
 */
@ApplicationScoped
public class WorkshopDirectory {

    /**
     * Identifies a learner without loading them: whom a report comes from.
     *
     * @param id         the learner's id
     * @param workshopId their workshop's id
     * @param nickname   their nickname
     * @param active     false once they left
     */
    public record LearnerRef(long id, long workshopId, String nickname, boolean active) {
        static LearnerRef of(Learner learner) {
            return new LearnerRef(learner.id, learner.workshop.id, learner.nickname, learner.active());
        }
    }

    private final WorkshopService workshops;
    private final Map<String, LearnerRef> learnersByTokenHash = new ConcurrentHashMap<>();
    private final Map<Long, WorkshopView> workshopsById = new ConcurrentHashMap<>();
    /** Counts the changes committed; an entry read across a change is not kept. */
    private final AtomicLong changes = new AtomicLong();

    WorkshopDirectory(WorkshopService workshops) {
        this.workshops = workshops;
    }

    /** Finds the learner a token belongs to, if any. */
    @Transactional
    public Optional<LearnerRef> learner(String token) {
        if (token == null || token.isEmpty() || token.length() > 64) {
            return Optional.empty();
        }
        String hash = Secrets.hash(token);
        LearnerRef known = learnersByTokenHash.get(hash);
        if (known != null) {
            return Optional.of(known);
        }
        return Optional.ofNullable(remember(
                learnersByTokenHash,
                hash,
                () -> Learner.findByTokenHash(hash).map(LearnerRef::of).orElse(null)));
    }

    /** Shows a workshop by its id; empty once it is deleted. */
    @Transactional
    public Optional<WorkshopView> workshop(long id) {
        WorkshopView known = workshopsById.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        return Optional.ofNullable(
                remember(workshopsById, id, () -> workshops.findById(id).orElse(null)));
    }

    private <K, V> V remember(Map<K, V> map, K key, Supplier<V> load) {
        long before = changes.get();
        V value = load.get();
        if (value != null && changes.get() == before) {
            map.put(key, value);
        }
        return value;
    }

    /**
     * Forgets what a committed change made stale: before any other observer of the change, so that the streams
     * that tell the class about it read the new state.
     */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(1) ClassEvent event) {
        switch (event) {
            case ClassEvent.LearnerChanged changed -> {
                changes.incrementAndGet();
                learnersByTokenHash.values().removeIf(ref -> ref.id() == changed.learnerId());
            }
            case ClassEvent.WorkshopChanged changed -> {
                changes.incrementAndGet();
                workshopsById.remove(changed.workshopId());
            }
            case ClassEvent.WorkshopDeleted deleted -> {
                changes.incrementAndGet();
                workshopsById.remove(deleted.workshopId());
                learnersByTokenHash.values().removeIf(ref -> ref.workshopId() == deleted.workshopId());
            }
            default -> {
                // a report changes neither a learner nor a workshop
            }
        }
    }
}
