package dev.servinglab.evaluation.paradox.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Holds the imbalanced data set and both classifiers judged on its held-out rows.
 *
 * @param derivation     how the data set was derived from spambase, in words
 * @param positive       the positive class (spam)
 * @param negative       the negative class
 * @param rows           its rows
 * @param positives      its spam rows
 * @param testSize       the held-out rows
 * @param testPositives  the held-out spam rows
 * @param alwaysNegative the answer that never says spam
 * @param model          the logistic regression
 */
@Schema(name = "ParadoxComparison")
public record ParadoxComparison(
        String derivation,
        String positive,
        String negative,
        int rows,
        int positives,
        int testSize,
        int testPositives,
        JudgedClassifier alwaysNegative,
        JudgedClassifier model) {

    /** Returns the class names as the confusion matrices list them: the positive class first. */
    @JsonIgnore
    public List<String> classes() {
        return List.of(positive, negative);
    }

    /** Returns both classifiers, the do-nothing one first. */
    @JsonIgnore
    public List<JudgedClassifier> classifiers() {
        return List.of(alwaysNegative, model);
    }
}
