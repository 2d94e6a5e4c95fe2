package dev.servinglab.training.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.servinglab.model.data.DatasetRepository;
import dev.servinglab.model.data.Split;
import dev.servinglab.model.data.StratifiedSplitter;
import dev.servinglab.model.service.Activation;
import dev.servinglab.model.service.EpochListener;
import dev.servinglab.model.service.MlpClassifier;
import dev.servinglab.model.service.MlpTrainer;
import dev.servinglab.model.service.ScaledSplit;
import dev.servinglab.model.service.Standardizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NetworkBytesTest {

    private static final ScaledSplit IRIS = scaledIris();

    @ParameterizedTest
    @EnumSource(Activation.class)
    void aTrainedNetworkReadsBackAnsweringTheSameProbabilities(Activation activation) throws IOException {
        // Early stopping keeps a restored copy of the best epoch: the network served then is a read-back one too.
        for (int patience : new int[] {0, 3}) {
            MlpClassifier trained = train(activation, patience);
            MlpClassifier read = NetworkBytes.read(NetworkBytes.write(trained));
            for (double[] row : IRIS.testX()) {
                double[] before = new double[3];
                double[] after = new double[3];
                assertThat(read.predict(row, after), equalTo(trained.predict(row, before)));
                assertThat(Arrays.toString(after), equalTo(Arrays.toString(before)));
            }
        }
    }

    @Test
    void bytesNamingAClassOutsideTheAllowListAreRefusedBeforeAnyOfItIsMade() throws IOException {
        Tripwire.tripped = false;
        InvalidClassException refused =
                assertThrows(InvalidClassException.class, () -> NetworkBytes.read(serialise(new Tripwire())));
        assertThat(refused.getMessage(), containsString("refused the class " + Tripwire.class.getName()));
        assertThat(Tripwire.tripped, is(false));
    }

    @Test
    void aJdkObjectThatIsNotPartOfANetworkIsRefused() {
        assertThrows(
                InvalidClassException.class,
                () -> NetworkBytes.read(serialise(new java.util.ArrayList<>(java.util.List.of("not a network")))));
    }

    @Test
    void anAllowedObjectThatIsNotANetworkIsRefused() {
        IOException refused = assertThrows(IOException.class, () -> NetworkBytes.read(serialise(new double[] {1, 2})));
        assertThat(refused.getMessage(), containsString("other than a Smile MLP"));
    }

    @Test
    void truncatedBytesAreRefused() {
        byte[] bytes = NetworkBytes.write(train(Activation.RELU, 0));
        assertThrows(IOException.class, () -> NetworkBytes.read(Arrays.copyOf(bytes, bytes.length / 2)));
    }

    private static MlpClassifier train(Activation activation, int patience) {
        MlpTrainer.Options options = new MlpTrainer.Options(8, activation, 0.05, 0.5, 0, 30, 8, patience, 7);
        return (MlpClassifier) MlpTrainer.train(
                        IRIS.trainX(),
                        IRIS.trainY(),
                        IRIS.validationX(),
                        IRIS.validationY(),
                        3,
                        options,
                        EpochListener.NONE)
                .classifier();
    }

    private static byte[] serialise(Object object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.toByteArray();
    }

    private static ScaledSplit scaledIris() {
        Split split = StratifiedSplitter.split(
                new DatasetRepository().load("iris"), new StratifiedSplitter.Options(0.2, 0.2, 42));
        return ScaledSplit.of(split, Standardizer.fit(split.train().features()));
    }

    /** Says whether it was ever deserialised: what a gadget's readObject would do is run code. */
    static final class Tripwire implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        static volatile boolean tripped;

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            tripped = true;
        }
    }
}
