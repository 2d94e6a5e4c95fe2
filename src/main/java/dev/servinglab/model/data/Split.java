package dev.servinglab.model.data;

/**
 * Holds the three disjoint parts of a data set: fit on {@code train}, tune on {@code validation},
 * report on {@code test}.
 */
public record Split(Dataset train, Dataset validation, Dataset test) {}
