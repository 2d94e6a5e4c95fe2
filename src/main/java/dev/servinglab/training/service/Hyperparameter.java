package dev.servinglab.training.service;

import static dev.servinglab.training.service.Hyperparameter.Bound.above;
import static dev.servinglab.training.service.Hyperparameter.Bound.atLeast;
import static dev.servinglab.training.service.Hyperparameter.Bound.atMost;
import static dev.servinglab.training.service.Hyperparameter.Bound.below;

import dev.servinglab.training.TrainingConfig;
import dev.servinglab.web.format.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Defines every hyperparameter a training request may set, once: its name in the request, its type, default,
 * bounds and help. {@link TrainingRequestReader} checks request bodies against it, the training lab's form (and so
 * its script) is rendered from it, and the published OpenAPI schema of a training request is written from it.
 */
public enum Hyperparameter {
    DATASET(
            Group.DATA,
            "Data set",
            // By their names in the data-set catalogue, which describes them (DatasetInfo#label) where they are shown.
            Domain.choice("iris", Choice.named("iris"), Choice.named("breast-cancer")),
            "The data set to train on"),
    VALIDATION_FRACTION(
            Group.DATA,
            "Validation share",
            Domain.number(0.2, atLeast(0.1), atMost(0.5), 0.05),
            "Share of every class held out for validation, on top of the share held out for the test"),
    MAX_TRAIN_ROWS(
            Group.DATA,
            "Training rows",
            Domain.integer(0, atLeast(0), atMost(100_000)).zeroOrAtLeast(10),
            "Cut the training split to this many rows (stratified), 0 for every row, to see small data overfit"),
    SEED(
            Group.DATA,
            "Seed",
            Domain.seed(42),
            "Seed of the split, the weights and the shuffles: the same seed gives the same split, weights and curve"),
    HIDDEN_UNITS(
            Group.NETWORK, "Hidden units", Domain.integer(8, atLeast(1), atMost(256)), "Neurons in the hidden layer"),
    ACTIVATION(
            Group.NETWORK,
            "Activation",
            Domain.choice("tanh", Choice.named("tanh"), Choice.named("sigmoid"), new Choice("relu", "ReLU")),
            "Activation of the hidden layer"),
    LEARNING_RATE(
            Group.OPTIMISER,
            "Learning rate",
            Domain.number(0.05, above(0), atMost(1), 0),
            "Step size of gradient descent"),
    MOMENTUM(Group.OPTIMISER, "Momentum", Domain.number(0.5, atLeast(0), below(1), 0), "Momentum of the updates"),
    WEIGHT_DECAY(
            Group.OPTIMISER, "Weight decay", Domain.number(0, atLeast(0), atMost(0.1), 0), "L2 penalty on the weights"),
    BATCH_SIZE(Group.OPTIMISER, "Batch size", Domain.integer(8, atLeast(1), atMost(1024)), "Rows per update"),
    EPOCHS(
            Group.OPTIMISER,
            "Epochs",
            Domain.integer(100, atLeast(1), atMost(Limits::maxEpochs)),
            "The most passes over the training rows"),
    PATIENCE(
            Group.OPTIMISER,
            "Early-stopping patience",
            Domain.integer(0, atLeast(0), atMost(1000)),
            "Early stopping: stop after this many epochs without a better validation loss and keep the best "
                    + "epoch's weights; 0 never stops early"),
    PACE_MS(
            Group.WATCHING,
            "Pause per epoch (ms)",
            Domain.integer(0, atLeast(0), atMost(Limits::maxPaceMs)).step(10),
            "Pause after every epoch, in milliseconds, to watch the curves grow; 0 trains at full speed");

    private final Group group;
    private final String label;
    private final Domain domain;
    private final String help;

    Hyperparameter(Group group, String label, Domain domain, String help) {
        this.group = group;
        this.label = label;
        this.domain = domain;
        this.help = help;
    }

    /** Returns its name in a request body: {@code hidden_units}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the part of the training lab's form it belongs to. */
    public Group group() {
        return group;
    }

    /** Returns its name for people, as the training lab's form labels it. */
    public String label() {
        return label;
    }

    /** Returns its type, default and bounds. */
    public Domain domain() {
        return domain;
    }

    /** Returns what it does, in a sentence, with the values it takes on this server. */
    public String description(Limits limits) {
        String range = domain.rangeInWords(limits);
        return range.isEmpty() ? help : help + "; " + range;
    }

    /** Returns the hyperparameters of one group, in order. */
    public static List<Hyperparameter> of(Group group) {
        List<Hyperparameter> members = new ArrayList<>();
        for (Hyperparameter hyperparameter : values()) {
            if (hyperparameter.group == group) {
                members.add(hyperparameter);
            }
        }
        return members;
    }

    /** Names the parts of the training lab's form. */
    public enum Group {
        DATA("Data", true),
        NETWORK("Network", true),
        OPTIMISER("Optimiser", true),
        WATCHING("Watching", false);

        private final String legend;
        private final boolean shapesTheModel;

        Group(String legend, boolean shapesTheModel) {
            this.legend = legend;
            this.shapesTheModel = shapesTheModel;
        }

        /** Returns the part's title. */
        public String legend() {
            return legend;
        }

        /** Tells whether its hyperparameters change the model; those of {@link #WATCHING} only change its pace. */
        public boolean shapesTheModel() {
            return shapesTheModel;
        }
    }

    /** Names the JSON types a hyperparameter takes. */
    public enum Kind {
        /** One of a list of strings. */
        CHOICE,
        /** A whole number within bounds. */
        INTEGER,
        /** A number within bounds. */
        NUMBER,
        /** Any whole number (a 64-bit seed). */
        SEED
    }

    /**
     * Holds one value of a {@link Kind#CHOICE}.
     *
     * @param value what a request sends
     * @param label what the form shows
     */
    public record Choice(String value, String label) {

        /** Returns a choice labelled as a request sends it: a value that names itself, or one described elsewhere. */
        static Choice named(String value) {
            return new Choice(value, value);
        }
    }

    /**
     * Holds the limits that this server's configuration sets on some hyperparameters.
     *
     * @param maxEpochs the most epochs a run may ask for
     * @param maxPaceMs the longest pause between epochs a run may ask for
     */
    public record Limits(int maxEpochs, int maxPaceMs) {

        /** Returns the limits configured under {@code serving-lab.training}. */
        public static Limits of(TrainingConfig config) {
            return new Limits(config.maxEpochs(), config.maxPaceMs());
        }
    }

    /**
     * Holds one end of the values a number may take.
     *
     * @param value     the bound, unless {@code limit} gives it
     * @param inclusive whether the bound itself is allowed
     * @param limit     reads the bound from this server's limits, or null for a fixed bound
     */
    public record Bound(double value, boolean inclusive, ToIntFunction<Limits> limit) {

        static Bound atLeast(double value) {
            return new Bound(value, true, null);
        }

        static Bound above(double value) {
            return new Bound(value, false, null);
        }

        static Bound atMost(double value) {
            return new Bound(value, true, null);
        }

        static Bound atMost(ToIntFunction<Limits> limit) {
            return new Bound(Double.NaN, true, limit);
        }

        static Bound below(double value) {
            return new Bound(value, false, null);
        }

        /** Returns the bound on a server with these limits. */
        public double value(Limits limits) {
            return limit == null ? value : limit.applyAsInt(limits);
        }
    }

    /**
     * Holds the values a hyperparameter takes.
     *
     * @param kind           its JSON type
     * @param defaultValue   the value of a request that leaves it out: a String, Integer, Double or Long
     * @param choices        the values of a {@link Kind#CHOICE}, else empty
     * @param min            the lower bound of a number, or null
     * @param max            the upper bound of a number, or null
     * @param step           the step of the form's input, 0 for any
     * @param zeroOrAtLeast  when above 0: the value is 0 (a special meaning) or at least this much
     */
    public record Domain(
            Kind kind,
            Object defaultValue,
            List<Choice> choices,
            Bound min,
            Bound max,
            double step,
            int zeroOrAtLeast) {

        static Domain choice(String defaultValue, Choice... choices) {
            return new Domain(Kind.CHOICE, defaultValue, List.of(choices), null, null, 0, 0);
        }

        static Domain integer(int defaultValue, Bound min, Bound max) {
            return new Domain(Kind.INTEGER, defaultValue, List.of(), min, max, 1, 0);
        }

        static Domain number(double defaultValue, Bound min, Bound max, double step) {
            return new Domain(Kind.NUMBER, defaultValue, List.of(), min, max, step, 0);
        }

        static Domain seed(long defaultValue) {
            return new Domain(Kind.SEED, defaultValue, List.of(), null, null, 1, 0);
        }

        Domain zeroOrAtLeast(int smallest) {
            return new Domain(kind, defaultValue, choices, min, max, step, smallest);
        }

        Domain step(double newStep) {
            return new Domain(kind, defaultValue, choices, min, max, newStep, zeroOrAtLeast);
        }

        /** Returns the values of a {@link Kind#CHOICE} as requests send them. */
        public List<String> choiceValues() {
            return choices.stream().map(Choice::value).toList();
        }

        /** Says in words what values it takes: {@code 1 to 256}, {@code above 0, at most 1}; empty if any. */
        public String rangeInWords(Limits limits) {
            if (min == null || max == null) {
                return "";
            }
            String low = Numbers.plain(min.value(limits));
            String high = Numbers.plain(max.value(limits));
            if (zeroOrAtLeast > 0) {
                return "0 or " + zeroOrAtLeast + " to " + high;
            }
            if (min.inclusive() && max.inclusive()) {
                return low + " to " + high;
            }
            return (min.inclusive() ? "at least " : "above ") + low + ", " + (max.inclusive() ? "at most " : "below ")
                    + high;
        }
    }
}
