package dev.servinglab.workshop.service;

import dev.servinglab.workshop.data.LessonProgress;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which lesson steps (visited, completed) each learner has recorded, so that a step reported again (every
 * page load reports "visited") is answered without a query: a class opening a lesson at once sent a query each.
 * A learner's steps are read from the database once, then kept up to date as steps commit. A step this misses (one
 * committed while the learner's steps were being read) is still refused by the database's unique constraint.
 */
@ApplicationScoped
class LessonSteps {

    private final Map<Long, Map<Long, Set<String>>> byWorkshop = new ConcurrentHashMap<>();

    /** Returns whether a learner has recorded a step of a lesson. */
    boolean recorded(long workshopId, long learnerId, String lesson, String state) {
        Map<Long, Set<String>> learners = byWorkshop.computeIfAbsent(workshopId, id -> new ConcurrentHashMap<>());
        Set<String> steps = learners.get(learnerId);
        if (steps == null) {
            Set<String> loaded = ConcurrentHashMap.newKeySet();
            QuarkusTransaction.joiningExisting()
                    .run(() -> LessonProgress.<LessonProgress>list("learner.id", learnerId)
                            .forEach(progress -> loaded.add(step(progress.lesson, progress.state))));
            Set<String> raced = learners.putIfAbsent(learnerId, loaded);
            steps = raced != null ? raced : loaded;
        }
        return steps.contains(step(lesson, state));
    }

    private static String step(String lesson, String state) {
        return lesson + '\n' + state;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClassEvent event) {
        switch (event) {
            case ClassEvent.ProgressReported reported -> {
                Map<Long, Set<String>> learners = byWorkshop.get(reported.workshopId());
                Set<String> steps = learners == null ? null : learners.get(reported.learnerId());
                if (steps != null) {
                    steps.add(step(reported.lesson(), reported.state()));
                }
            }
            case ClassEvent.WorkshopDeleted deleted -> byWorkshop.remove(deleted.workshopId());
            default -> {
                // other reports are not lesson steps
            }
        }
    }

    /** Forgets every learner's steps: another instance's reports may have been missed. */
    void lost(@Observes RemoteEventsLost event) {
        byWorkshop.clear();
    }
}
