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
 * committed while the learner's steps were being read, or by another instance) is still refused by the database's
 * unique constraint.
 */
@ApplicationScoped
class LessonSteps {

    private final Map<Long, Map<Long, Set<String>>> byWorkshop = new ConcurrentHashMap<>();

    /**
     * Claims a step of a lesson for a learner: true when it was neither recorded nor claimed yet, and the caller
     * stores it (or gives it back if that fails). Of twin reports sent at once (a page opened in two tabs), one
     * claims the step and the others are answered "already recorded" without reaching the database, whose unique
     * constraint stays the last word across instances.
     */
    boolean claim(long workshopId, long learnerId, String lesson, String state) {
        return steps(workshopId, learnerId).add(step(lesson, state));
    }

    /** Gives back a claimed step that was not stored. */
    void giveBack(long workshopId, long learnerId, String lesson, String state) {
        steps(workshopId, learnerId).remove(step(lesson, state));
    }

    private Set<String> steps(long workshopId, long learnerId) {
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
        return steps;
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
