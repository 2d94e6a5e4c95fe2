package dev.servinglab.training.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.servinglab.model.ModelConfig;
import dev.servinglab.model.data.Dataset;
import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.data.Split;
import dev.servinglab.model.service.EpochMetrics;
import dev.servinglab.model.service.Evaluation;
import dev.servinglab.model.service.MlpClassifier;
import dev.servinglab.model.service.PromotedModels;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.model.service.Standardizer;
import dev.servinglab.model.service.TrainedClassifier;
import dev.servinglab.training.TrainingConfig;
import dev.servinglab.training.store.PromotedModelStore;
import dev.servinglab.training.store.StoredModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Keeps promoted models in the database and makes them into served models again, for any instance that is asked
 * for one it does not hold. What is stored: the network's bytes, and a card with the rest. The card holds the recipe
 * of the run's data split rather than its rows (a split of the largest data set is megabytes; the recipe re-makes it
 * exactly) with a hash of the training rows, so that a data set changed since the promotion is noticed, not served
 * with a scaler and drift reference it was not trained with.
 */
@ApplicationScoped
public class StoredModels implements PromotedModels {

    /** The version of the card's layout; a card of another version is refused rather than misread. */
    static final int FORMAT = 1;

    private static final Logger LOG = Logger.getLogger(StoredModels.class);
    private static final Pattern NAME = Pattern.compile(Promotion.NAME_PATTERN);
    // A mapper of its own, not the API's: what is stored must read back the same whatever the API's JSON settings.
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final PromotedModelStore store;
    private final TrainingConfig config;
    private final ModelConfig models;
    private final DatasetRepository datasets;

    StoredModels(PromotedModelStore store, TrainingConfig config, ModelConfig models, DatasetRepository datasets) {
        this.store = store;
        this.config = config;
        this.models = models;
        this.datasets = datasets;
    }

    /**
     * Holds what is stored of a promoted model besides its network.
     *
     * @param format       {@link #FORMAT}
     * @param trainingRows a hash of the training rows, which the recipe must make again
     */
    record Card(
            int format,
            String version,
            String kind,
            String description,
            Map<String, Object> hyperparameters,
            List<EpochMetrics> history,
            String stopReason,
            Evaluation test,
            double[] mean,
            double[] std,
            SplitRecipe split,
            String trainingRows) {}

    /**
     * Stores a run's promoted model, then deletes the oldest stored ones beyond
     * {@code serving-lab.training.max-stored-models}.
     *
     * @return the names of the models deleted, oldest first: no instance loads them any more
     * @throws jakarta.persistence.PersistenceException if a model of that name is stored already, or the database
     *     cannot be written
     */
    List<String> keep(TrainingRun run, ServedModel model) {
        if (!(model.classifier() instanceof MlpClassifier network)) {
            throw new IllegalArgumentException("only a multilayer perceptron can be stored: " + model.name());
        }
        Card card = new Card(
                FORMAT,
                model.version(),
                model.kind(),
                model.description(),
                model.hyperparameters(),
                model.history(),
                model.stopReason(),
                model.test(),
                model.scaler().mean(),
                model.scaler().std(),
                SplitRecipe.of(run.options(), models.testFraction()),
                fingerprint(model.training()));
        StoredModel row = new StoredModel();
        row.name = model.name();
        row.runId = run.id();
        row.dataset = model.dataset().name();
        row.createdAt = Instant.now();
        try {
            row.card = JSON.writeValueAsString(card);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        row.network = NetworkBytes.write(network);
        return store.save(row, config.maxStoredModels());
    }

    @Override
    public Optional<ServedModel> load(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty(); // no promotion has such a name: no query
        }
        Optional<StoredModel> row = store.find(name);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(served(row.get()));
        } catch (IOException | RuntimeException e) {
            LOG.errorf(
                    "The promoted model %s in the database was refused and is not served: %s. Promote its run "
                            + "again, or delete the row of promoted_model named %s.",
                    name, e.getMessage(), name);
            return Optional.empty();
        }
    }

    @Override
    public int maxInMemory() {
        return config.maxPromoted();
    }

    private ServedModel served(StoredModel row) throws IOException {
        Card card = JSON.readValue(row.card, Card.class);
        if (card.format() != FORMAT) {
            throw new IOException("its card has the format " + card.format() + ", this server reads " + FORMAT);
        }
        MlpClassifier network = NetworkBytes.read(row.network);
        Split split = card.split().split(datasets);
        if (!fingerprint(split.train()).equals(card.trainingRows())) {
            throw new IOException("the data set " + card.split().dataset() + " has changed since the promotion: "
                    + "its split no longer has the rows the model was trained on");
        }
        Standardizer scaler = new Standardizer(card.mean(), card.std());
        int classes = split.train().classNames().size();
        // One prediction, so that a network of the wrong shape is refused here rather than failing every request.
        double[] probabilities = new double[classes];
        int predicted = network.predict(scaler.apply(split.test().features()[0]), probabilities);
        if (predicted < 0 || predicted >= classes) {
            throw new IOException("its network answers class " + predicted + " of " + classes);
        }
        // ServedModel keeps neither why the run stopped nor which epoch it kept: those are in the card's history.
        TrainedClassifier trained = new TrainedClassifier(
                network, card.history(), card.stopReason(), card.history().size());
        return ServedModel.of(
                row.name,
                card.version(),
                card.kind(),
                card.description(),
                split,
                scaler,
                trained,
                card.hyperparameters(),
                card.test());
    }

    /** Hashes rows and labels, bit for bit. */
    static String fingerprint(Dataset rows) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer value = ByteBuffer.allocate(Long.BYTES);
            for (int i = 0; i < rows.size(); i++) {
                for (double x : rows.features()[i]) {
                    sha.update(value.clear().putLong(Double.doubleToLongBits(x)).array());
                }
                sha.update(value.clear().putLong(rows.labels()[i]).array());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
