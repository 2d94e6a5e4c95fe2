package dev.servinglab.workshop.service;

import dev.servinglab.workshop.data.Learner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Knows, per workshop, which nicknames are taken, so that a join claims its nickname without querying the database:
 * hundreds of learners join within a minute, and a query per join inside the report writer's batch made every
 * report of that batch wait for it. Read from the database once per workshop; a claim is given back when its
 * transaction does not commit. The database's unique constraint stays the last word.
 */
@ApplicationScoped
class ClassRosters {

    /** What a claim of a nickname came to. */
    enum Claim {
        /** The nickname is this learner's now, once the transaction commits. */
        CLAIMED,
        /** Someone in the workshop has it already. */
        TAKEN,
        /** The workshop has as many learners as it takes. */
        FULL
    }

    private final Map<Long, Set<String>> takenByWorkshop = new ConcurrentHashMap<>();
    private final TransactionSynchronizationRegistry transactions;

    ClassRosters(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /**
     * Claims a nickname (its comparison key) in a workshop, within the current transaction.
     *
     * @param workshopId  the workshop
     * @param key         the nickname's key ({@link Nicknames#key})
     * @param maxLearners how many learners the workshop takes
     */
    Claim claim(long workshopId, String key, int maxLearners) {
        Set<String> taken = taken(workshopId);
        if (taken.contains(key)) {
            return Claim.TAKEN;
        }
        if (taken.size() >= maxLearners) {
            return Claim.FULL;
        }
        taken.add(key);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    taken.remove(key);
                }
            }
        });
        return Claim.CLAIMED;
    }

    private Set<String> taken(long workshopId) {
        Set<String> known = takenByWorkshop.get(workshopId);
        if (known != null) {
            return known;
        }
        Set<String> loaded = ConcurrentHashMap.newKeySet();
        loaded.addAll(Learner.getEntityManager()
                .createQuery("select l.nicknameKey from Learner l where l.workshop.id = :workshop", String.class)
                .setParameter("workshop", workshopId)
                .getResultList());
        Set<String> raced = takenByWorkshop.putIfAbsent(workshopId, loaded);
        return raced != null ? raced : loaded;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClassEvent event) {
        switch (event) {
            case ClassEvent.WorkshopDeleted deleted -> takenByWorkshop.remove(deleted.workshopId());
            case ClassEvent.LearnerChanged joined -> {
                // Someone who joined through another instance: their nickname is taken here too.
                Set<String> taken = takenByWorkshop.get(joined.workshopId());
                if (taken != null) {
                    taken.add(Nicknames.key(joined.nickname()));
                }
            }
            default -> {
                // reports take no nickname
            }
        }
    }

    /** Forgets every roster: another instance's joins may have been missed. */
    void lost(@Observes RemoteEventsLost event) {
        takenByWorkshop.clear();
    }
}
