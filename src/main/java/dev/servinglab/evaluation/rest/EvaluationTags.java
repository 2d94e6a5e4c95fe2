package dev.servinglab.evaluation.rest;

/**
 * Names the API tags that several evaluation resources share, with their descriptions, written once.
 */
public final class EvaluationTags {

    /** The tag of the accuracy-paradox and leakage labs. */
    public static final String PITFALLS = "Pitfalls";

    /** What the pitfalls tag groups. */
    public static final String PITFALLS_DESCRIPTION = "The accuracy paradox and data leakage, on real data";

    private EvaluationTags() {}
}
