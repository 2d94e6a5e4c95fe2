package dev.servinglab.predict.rollout.service;

import java.util.List;

/**
 * Tells how a shadow compares with the current version.
 *
 * @param compared       requests both answered
 * @param agreed         of those, the ones where both gave the same species
 * @param agreementRate  agreed over compared, {@code null} before the first comparison
 * @param classes        the species, in the order of the matrix's rows and columns
 * @param confusion      counts: row = the current version's answer, column = the shadow's
 * @param dropped        copies not given to the shadow because it was too far behind (they cost the
 *                       current version nothing)
 */
public record ShadowFigures(
        long compared,
        long agreed,
        Double agreementRate,
        List<String> classes,
        List<List<Long>> confusion,
        long dropped) {}
