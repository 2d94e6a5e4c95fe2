package dev.servinglab.training.service;

import dev.servinglab.model.service.EpochMetrics;
import dev.servinglab.web.format.Numbers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a training curve as it grows and says, in words, what the numbers show: a fast drop of the loss, a
 * plateau, and overfitting (validation loss rising while training loss falls), each at the epoch where the
 * numbers show it. A later new best of the validation loss withdraws an overfitting call, in words too: small
 * validation sets are noisy. Every observation is derived from the epochs seen so far, so the same curve always gets
 * the same observations.
 */
public final class CurveCommentary {

    /** A fall of the training loss by at least this share of its previous value, in one epoch, is fast. */
    static final double FAST_DROP = 0.10;
    /** ... and by at least this much: a tenth of a tiny loss is no news. */
    static final double FAST_DROP_MINIMUM = 0.01;
    /** Epochs over which a plateau is judged. */
    static final int PLATEAU_WINDOW = 5;
    /** The validation loss moving less than this share of its value over the window is a plateau. */
    static final double PLATEAU_CHANGE = 0.01;
    /** A plateau ends once the validation loss is this share away from where the plateau began. */
    static final double LEAVE_PLATEAU = 0.10;
    /** Validation loss this far above its best, while training loss is below its value then, is overfitting. */
    static final double OVERFIT_RISE = 0.05;
    /** ... and at least this much above it, in loss units: a rise from 0.050 to 0.060 is noise, not a trend. */
    static final double OVERFIT_MINIMUM = 0.02;
    /** Overfitting is called only this many epochs after the best validation loss, not on one noisy epoch. */
    static final int OVERFIT_EPOCHS = 3;

    private final List<EpochMetrics> seen = new ArrayList<>();
    private boolean inFastDrop;
    private double plateauLevel = Double.NaN;
    private int overfittingFrom;
    private int bestEpoch;
    private double bestValidationLoss = Double.POSITIVE_INFINITY;

    /**
     * Takes the next epoch and returns what it shows, or {@code null} when it shows nothing new.
     */
    public String observe(EpochMetrics epoch) {
        seen.add(epoch);
        List<String> notes = new ArrayList<>(2);
        if (seen.size() == 1) {
            notes.add("Starting point: training loss %s, %s of the validation rows right"
                    .formatted(Numbers.dp3(epoch.trainLoss()), Numbers.percent(epoch.validationAccuracy(), 0)));
        } else {
            EpochMetrics previous = seen.get(seen.size() - 2);
            fastDrop(previous, epoch, notes);
            plateau(notes);
        }
        if (epoch.validationLoss() < bestValidationLoss) {
            if (overfittingFrom > 0) {
                notes.add(("Validation loss improves again: a new best of %s, so the rise after epoch %d did not "
                                + "last")
                        .formatted(Numbers.dp3(epoch.validationLoss()), overfittingFrom));
                overfittingFrom = 0;
            }
            bestValidationLoss = epoch.validationLoss();
            bestEpoch = epoch.epoch();
        } else {
            overfitting(epoch, notes);
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    /**
     * Reads a whole curve, epoch by epoch as the training lab reads a run while it grows, and returns what each
     * epoch shows: one entry per epoch, in order, {@code null} where it shows nothing new.
     */
    public static List<String> observations(List<EpochMetrics> history) {
        CurveCommentary commentary = new CurveCommentary();
        List<String> observations = new ArrayList<>(history.size());
        for (EpochMetrics epoch : history) {
            observations.add(commentary.observe(epoch));
        }
        return Collections.unmodifiableList(observations);
    }

    /** Returns the epoch with the lowest validation loss so far. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /**
     * Returns the epoch from which the curves show overfitting, or 0 if they do not (or no longer do: a new best
     * validation loss withdraws the call).
     */
    public int overfittingFrom() {
        return overfittingFrom;
    }

    private void fastDrop(EpochMetrics previous, EpochMetrics epoch, List<String> notes) {
        double drop = previous.trainLoss() > 0 ? (previous.trainLoss() - epoch.trainLoss()) / previous.trainLoss() : 0;
        boolean fast = drop >= FAST_DROP && previous.trainLoss() - epoch.trainLoss() >= FAST_DROP_MINIMUM;
        if (fast && !inFastDrop) {
            notes.add("Fast drop: training loss down %s in one epoch, from %s to %s"
                    .formatted(
                            Numbers.percent(drop, 0),
                            Numbers.dp3(previous.trainLoss()),
                            Numbers.dp3(epoch.trainLoss())));
        } else if (!fast && inFastDrop) {
            notes.add("The fast drop ends: training loss down %s this epoch"
                    .formatted(Numbers.percent(Math.max(0, drop), 0)));
        }
        inFastDrop = fast;
    }

    private void plateau(List<String> notes) {
        if (seen.size() < PLATEAU_WINDOW) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (EpochMetrics e : seen.subList(seen.size() - PLATEAU_WINDOW, seen.size())) {
            min = Math.min(min, e.validationLoss());
            max = Math.max(max, e.validationLoss());
        }
        double current = seen.getLast().validationLoss();
        if (!Double.isNaN(plateauLevel)) {
            // A plateau lasts until the loss has left its level by more than LEAVE_PLATEAU, not on every wobble.
            if (Math.abs(current - plateauLevel) > LEAVE_PLATEAU * plateauLevel) {
                plateauLevel = Double.NaN;
            }
            return;
        }
        if (max - min < PLATEAU_CHANGE * max) {
            plateauLevel = current;
            notes.add("Plateau: validation loss moved less than 1 %% over the last %d epochs (%s to %s)"
                    .formatted(PLATEAU_WINDOW, Numbers.dp3(min), Numbers.dp3(max)));
        }
    }

    private void overfitting(EpochMetrics epoch, List<String> notes) {
        if (overfittingFrom > 0) {
            return; // already called for this minimum
        }
        if (epoch.epoch() - bestEpoch < OVERFIT_EPOCHS) {
            return;
        }
        EpochMetrics best = seen.get(bestEpoch - seen.getFirst().epoch());
        double rise = (epoch.validationLoss() - best.validationLoss()) / best.validationLoss();
        if (rise >= OVERFIT_RISE
                && epoch.validationLoss() - best.validationLoss() >= OVERFIT_MINIMUM
                && epoch.trainLoss() < best.trainLoss()) {
            overfittingFrom = bestEpoch;
            notes.add(("Overfitting from epoch %d: validation loss up %s since its best (%s at epoch %d) while "
                            + "training loss fell from %s to %s")
                    .formatted(
                            bestEpoch,
                            Numbers.percent(rise, 0),
                            Numbers.dp3(best.validationLoss()),
                            bestEpoch,
                            Numbers.dp3(best.trainLoss()),
                            Numbers.dp3(epoch.trainLoss())));
        }
    }
}
