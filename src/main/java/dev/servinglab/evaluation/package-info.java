/**
 * Judges classifiers: confusion-matrix exercises and the labs of the lessons on model quality.
 *
 * <p>Each part reads on its own, in a sub-package with its REST resources ({@code rest}), its logic
 * ({@code service}) and its lesson widget ({@code widget}): {@code exercise}, {@code threshold} (precision
 * against recall), {@code paradox} (the accuracy paradox), {@code leakage} (data leakage) and {@code testmatrix}
 * (the served model's test confusion matrix, and its live verdict against lesson 6's bars). What they share sits
 * in {@code service}: the binary metrics, the held-out scores of a logistic regression and the settings every lab
 * trains with, and in {@code rest}: what the resources share.
 */
package dev.servinglab.evaluation;
