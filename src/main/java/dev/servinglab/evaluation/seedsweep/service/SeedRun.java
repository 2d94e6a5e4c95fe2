package dev.servinglab.evaluation.seedsweep.service;

/**
 * Reports one model of a seed sweep: trained and tested like the served one, from another seed.
 *
 * @param seed         the seed of its split, weights and shuffles
 * @param correct      test rows it classified correctly
 * @param testSize     rows in its test split
 * @param testAccuracy the share of its test rows it classified correctly
 */
public record SeedRun(long seed, int correct, int testSize, double testAccuracy) {}
