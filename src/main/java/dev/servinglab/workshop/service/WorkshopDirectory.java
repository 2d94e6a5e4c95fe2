package dev.servinglab.workshop.service;

import dev.servinglab.workshop.data.Learner;
import dev.servinglab.workshop.data.Workshop;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
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
    /** Join codes never change; a deleted workshop's code is forgotten. */
    private final Map<String, Long> idsByCode = new ConcurrentHashMap<>();

    private final ChangeLog learnerChanges = new ChangeLog();
    private final ChangeLog workshopChanges = new ChangeLog();

    WorkshopDirectory(WorkshopService workshops) {
        this.workshops = workshops;
    }

    /** Finds the learner a token belongs to, if any; only a learner not in memory yet is looked up. */
    public Optional<LearnerRef> learner(String token) {
        if (token == null || token.isEmpty() || token.length() > 64) {
            return Optional.empty();
        }
        String hash = Secrets.hash(token);
        LearnerRef known = learnersByTokenHash.get(hash);
        if (known != null) {
            return Optional.of(known);
        }
        long before = ChangeLog.now();
        LearnerRef loaded =
                load(() -> Learner.findByTokenHash(hash).map(LearnerRef::of).orElse(null));
        if (loaded != null) {
            remember(
                    learnersByTokenHash,
                    hash,
                    loaded,
                    () -> learnerChanges.unchangedSince(loaded.id(), before)
                            && workshopChanges.unchangedSince(loaded.workshopId(), before));
        }
        return Optional.ofNullable(loaded);
    }

    /** Shows a workshop by its id; empty once it is deleted. */
    public Optional<WorkshopView> workshop(long id) {
        WorkshopView known = workshopsById.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        long before = ChangeLog.now();
        WorkshopView loaded = load(() -> workshops.findById(id).orElse(null));
        if (loaded != null) {
            remember(workshopsById, id, loaded, () -> workshopChanges.unchangedSince(id, before));
        }
        return Optional.ofNullable(loaded);
    }

    private static <K, V> void remember(Map<K, V> map, K key, V value, BooleanSupplier current) {
        if (current.getAsBoolean()) {
            map.put(key, value);
            // A change that committed between the check and the put may have forgotten this key before it was
            // there: look again, now that it is.
            if (!current.getAsBoolean()) {
                map.remove(key, value);
            }
        }
    }

    /** Finds the id of the workshop with a join code, as stored (normalised); empty when there is none. */
    public Optional<Long> workshopId(String code) {
        Long known = idsByCode.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        long before = ChangeLog.now();
        Long loaded = load(
                () -> Workshop.findByCode(code).map(workshop -> workshop.id).orElse(null));
        if (loaded != null) {
            remember(idsByCode, code, loaded, () -> workshopChanges.unchangedSince(loaded, before));
        }
        return Optional.ofNullable(loaded);
    }

    private static <V> V load(Supplier<V> load) {
        // A transaction only to load: most calls are answered from memory, and a transaction for each of them
        // was a measurable share of a class's requests.
        return QuarkusTransaction.joiningExisting().call(load::get);
    }

    /**
     * Forgets what a committed change made stale: before any other observer of the change, so that the streams
     * that tell the class about it read the new state.
     */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(1) ClassEvent event) {
        switch (event) {
            case ClassEvent.LearnerChanged changed -> {
                learnerChanges.changed(changed.learnerId());
                learnersByTokenHash.values().removeIf(ref -> ref.id() == changed.learnerId());
            }
            case ClassEvent.WorkshopChanged changed -> {
                workshopChanges.changed(changed.workshopId());
                workshopsById.remove(changed.workshopId());
            }
            case ClassEvent.WorkshopDeleted deleted -> {
                workshopChanges.changed(deleted.workshopId());
                workshopsById.remove(deleted.workshopId());
                idsByCode.values().removeIf(id -> id == deleted.workshopId());
                learnersByTokenHash.values().removeIf(ref -> ref.workshopId() == deleted.workshopId());
            }
            default -> {
                // a report changes neither a learner nor a workshop
            }
        }
    }

    /** Forgets everything: another instance's changes may have been missed. */
    void lost(@Observes RemoteEventsLost event) {
        learnerChanges.clear();
        workshopChanges.clear();
        learnersByTokenHash.clear();
        workshopsById.clear();
        idsByCode.clear();
    }

    /**
     * Says whether an entry read since a given moment may be kept: only if no change to that entry committed since.
     * A join must not stop the rest of the class's lookups from being remembered, as one clock for all changes did
     * while hundreds joined at once.
     */
    static final class ChangeLog {

        /** Entries remembered at most; beyond it the log starts again and every load in flight is not kept. */
        private static final int MAX_ENTRIES = 10_000;

        private static final AtomicLong CLOCK = new AtomicLong();

        private final Map<Long, Long> changedAt = new ConcurrentHashMap<>();
        private volatile long clearedAt;

        /** Returns the moment to compare with once a load has finished. */
        static long now() {
            return CLOCK.get();
        }

        /** Records that an entry changed. */
        void changed(long id) {
            long at = CLOCK.incrementAndGet();
            if (changedAt.size() >= MAX_ENTRIES) {
                clearedAt = at;
                changedAt.clear();
            }
            changedAt.put(id, at);
        }

        /** Records that every entry may have changed: no load in flight is kept. */
        void clear() {
            clearedAt = CLOCK.incrementAndGet();
            changedAt.clear();
        }

        /** Returns whether nothing changed the entry after the given moment. */
        boolean unchangedSince(long id, long moment) {
            return moment >= clearedAt && changedAt.getOrDefault(id, 0L) <= moment;
        }
    }
}
