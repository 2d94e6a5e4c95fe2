package dev.servinglab.evaluation.exercise.service;

import dev.servinglab.evaluation.service.ConfusionCounts;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes confusion-matrix exercises: four fixed ones taken from the course material, and any number of generated
 * ones, each reproducible from its seed.
 */
public final class ExerciseGenerator {

    private static final Pattern SEEDED = Pattern.compile("seed-(\\d{1,9})");
    private static final List<Exercise> FIXED = List.of(
            new Exercise(
                    "fixed-1",
                    "A classifier on 100 cases",
                    "A model labelled 100 cases whose true class is "
                            + "known. Rows are the actual class, columns what the model predicted.",
                    "positive",
                    "negative",
                    new ConfusionCounts(50, 5, 10, 35),
                    true),
            new Exercise(
                    "fixed-2",
                    "200 cases, rows actual",
                    "The matrix below has the ACTUAL class in its rows and "
                            + "the PREDICTED class in its columns. Read the axes before you compute.",
                    "positive",
                    "negative",
                    new ConfusionCounts(80, 10, 20, 90),
                    true),
            new Exercise(
                    "fixed-3",
                    "200 cases, rows predicted",
                    "Careful: this matrix has the PREDICTED class in its rows and the ACTUAL class in its "
                            + "columns. The four numbers look like those of the previous exercise; do they mean the "
                            + "same?",
                    "positive",
                    "negative",
                    new ConfusionCounts(80, 20, 10, 90),
                    false),
            new Exercise(
                    "fixed-4",
                    "A spam classifier behind an API",
                    "A spam filter served through an API "
                            + "answered 100 requests whose true class was checked by hand afterwards.",
                    "spam",
                    "not spam",
                    new ConfusionCounts(40, 10, 5, 45),
                    true));

    /**
     * Describes a kind of scenario for generated exercises.
     */
    private record Scenario(
            String title, String story, String positive, String negative, double minPrevalence, double maxPrevalence) {}

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario(
                    "Spam filter",
                    "An e-mail service runs a spam filter behind an API. Here is how it did "
                            + "on %d messages checked by hand.",
                    "spam",
                    "not spam",
                    0.25,
                    0.5),
            new Scenario(
                    "Disease screening",
                    "A clinic screens %d patients with a model served through an API; "
                            + "a later test gave the true diagnosis.",
                    "ill",
                    "healthy",
                    0.03,
                    0.15),
            new Scenario(
                    "Fraud detection",
                    "A payment service scores %d transactions; investigators later confirmed which were fraud.",
                    "fraud",
                    "legitimate",
                    0.01,
                    0.06),
            new Scenario(
                    "Defect detection",
                    "A camera model inspects %d parts on a production line; an engineer "
                            + "checked each part afterwards.",
                    "defective",
                    "good",
                    0.04,
                    0.12),
            new Scenario(
                    "Customer churn",
                    "A subscription business predicts which of %d customers will leave; "
                            + "a month later it knows who did.",
                    "leaves",
                    "stays",
                    0.1,
                    0.3));
    private static final int[] SIZES = {100, 200, 500, 1000};

    private ExerciseGenerator() {}

    /** Returns the fixed exercises of the course material. */
    public static List<Exercise> fixed() {
        return FIXED;
    }

    /**
     * Finds an exercise by id: a fixed one, or the one a seed generates.
     */
    public static Optional<Exercise> find(String id) {
        for (Exercise exercise : FIXED) {
            if (exercise.id().equals(id)) {
                return Optional.of(exercise);
            }
        }
        Matcher seeded = SEEDED.matcher(id);
        return seeded.matches() ? Optional.of(generate(Long.parseLong(seeded.group(1)))) : Optional.empty();
    }

    /**
     * Returns the id of the exercise after this one: the fixed ones in order, then the generated ones, seed by seed.
     */
    public static String next(String id) {
        for (int i = 0; i < FIXED.size() - 1; i++) {
            if (FIXED.get(i).id().equals(id)) {
                return FIXED.get(i + 1).id();
            }
        }
        Matcher seeded = SEEDED.matcher(id);
        return seeded.matches() ? "seed-" + ((Long.parseLong(seeded.group(1)) + 1) % 1_000_000_000L) : "seed-1";
    }

    /**
     * Generates the exercise of a seed: a scenario, a size, a prevalence, a recall and a false-alarm rate drawn
     * with a generator seeded by it. One seed in seven gives a model that never predicts the positive class,
     * whose precision and F1 are undefined.
     */
    public static Exercise generate(long seed) {
        Random random = new Random(seed);
        Scenario scenario = SCENARIOS.get(random.nextInt(SCENARIOS.size()));
        int total = SIZES[random.nextInt(SIZES.length)];
        double prevalence =
                scenario.minPrevalence() + random.nextDouble() * (scenario.maxPrevalence() - scenario.minPrevalence());
        int positives = Math.max(1, (int) Math.round(total * prevalence));
        int negatives = total - positives;
        int tp;
        int fp;
        if (seed % 7 == 3) {
            tp = 0;
            fp = 0;
        } else {
            tp = (int) Math.round(positives * (0.45 + random.nextDouble() * 0.53));
            fp = (int) Math.round(negatives * (0.005 + random.nextDouble() * 0.2));
        }
        ConfusionCounts counts = new ConfusionCounts(tp, fp, positives - tp, negatives - fp);
        return new Exercise(
                "seed-" + seed,
                scenario.title(),
                scenario.story().formatted(total),
                scenario.positive(),
                scenario.negative(),
                counts,
                random.nextInt(5) != 0);
    }
}
