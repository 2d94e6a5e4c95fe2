package dev.servinglab.model.blas;

import dev.servinglab.model.service.Activation;
import dev.servinglab.model.service.EpochListener;
import dev.servinglab.model.service.MlpTrainer;
import dev.servinglab.model.service.TrainedClassifier;

/**
 * Trains a small MLP in a fresh JVM and prints where OpenBLAS came from and the training accuracy; run by
 * {@link NativeBlasTest} with the bundled library forced. With the argument {@code hold} it then waits for its
 * standard input to close, so that a test can kill it while it has the library loaded.
 */
public final class BlasSmokeCheck {

    private BlasSmokeCheck() {}

    public static void main(String[] args) throws java.io.IOException {
        String origin = NativeBlas.ensureLoaded();
        double[][] x = {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}};
        int[] y = {0, 1, 1, 0};
        TrainedClassifier xor = MlpTrainer.train(
                x,
                y,
                x,
                y,
                2,
                new MlpTrainer.Options(8, Activation.TANH, 0.2, 0.5, 0, 400, 4, 0, 7),
                EpochListener.NONE);
        System.out.println("origin=" + origin);
        System.out.println("accuracy=" + xor.history().getLast().trainAccuracy());
        System.out.flush();
        if (args.length > 0 && args[0].equals("hold")) {
            System.in.read();
        }
    }
}
