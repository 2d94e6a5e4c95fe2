package dev.servinglab.training.service;

import dev.servinglab.model.service.MlpClassifier;
import dev.servinglab.model.service.SmileObjectInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import smile.classification.MLP;

/**
 * Writes a trained network as bytes and reads it back, in Java serialisation (Smile's {@link MLP} is serialisable and
 * has no other format). Reading goes through an allow-list: only the classes a trained MLP is made of, arrays of
 * numbers and a few JDK classes are ever created, and the graph is bounded, so bytes changed in the database can
 * at worst be refused, never run code.
 */
final class NetworkBytes {

    /**
     * The classes a Smile 6.3 MLP is made of (its weights are float matrices), as {@code jdk.serialFilter}
     * patterns; anything else is refused. NetworkBytesTest checks that a network trained with every activation,
     * with and without early stopping, needs no more.
     */
    static final String ALLOWED = String.join(
            ";",
            "maxdepth=20",
            "maxrefs=10000",
            "maxarray=10000000",
            "maxbytes=100000000",
            "smile.classification.MLP",
            "smile.model.mlp.*",
            "smile.tensor.DenseMatrix",
            "smile.tensor.DenseMatrix32",
            "smile.tensor.DenseMatrix64",
            "smile.tensor.Vector",
            "smile.tensor.Vector32",
            "smile.tensor.Vector64",
            "smile.util.IntSet",
            "smile.util.function.TimeFunction$*",
            // IntSet maps labels with a HashMap; its keys and values can only be the numbers allowed here.
            "java.util.HashMap",
            "java.util.Map$Entry",
            "java.lang.Enum",
            "java.lang.Number",
            "java.lang.Integer",
            "!*");

    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(ALLOWED);

    private NetworkBytes() {}

    /** Writes the network of an MLP classifier. */
    static byte[] write(MlpClassifier classifier) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(classifier.network());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a network back.
     *
     * @throws java.io.InvalidClassException if the bytes name a class outside the allow-list, or break its limits
     * @throws IOException if the bytes are not a serialised network
     */
    static MlpClassifier read(byte[] bytes) throws IOException {
        // Remembers what the filter refused, so that the log names it (the JDK's exception does not).
        StringBuilder refused = new StringBuilder();
        ObjectInputFilter naming = info -> {
            ObjectInputFilter.Status status = FILTER.checkInput(info);
            if (status == ObjectInputFilter.Status.REJECTED && refused.isEmpty()) {
                refused.append(
                        info.serialClass() == null
                                ? "a limit (depth, references, array or bytes)"
                                : "the class " + info.serialClass().getName());
            }
            return status;
        };
        try (ObjectInputStream in = new SmileObjectInput(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(naming);
            if (in.readObject() instanceof MLP network) {
                return new MlpClassifier(network);
            }
            throw new IOException("the bytes hold something other than a Smile MLP");
        } catch (InvalidClassException e) {
            throw new InvalidClassException("the allow-list of a network's classes refused " + refused);
        } catch (ClassNotFoundException e) {
            throw new IOException("the bytes name a class this server does not have: " + e.getMessage(), e);
        }
    }
}
