package dev.servinglab.model.blas;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.servinglab.model.service.Activation;
import dev.servinglab.model.service.EpochListener;
import dev.servinglab.model.service.MlpTrainer;
import dev.servinglab.model.service.TrainedClassifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NativeBlasTest {

    @Test
    void mlpLearnsXorWithWhateverOpenBlasThisMachineHas() {
        assertThat(NativeBlas.ensureLoaded(), not(equalTo("")));
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
        // XOR is not linearly separable: only a working hidden layer (BLAS calls) gets all four right.
        assertThat(xor.history().getLast().trainAccuracy(), equalTo(1.0));
        double[] p = new double[2];
        assertThat(xor.classifier().predict(new double[] {1, -1}, p), equalTo(1));
    }

    @Test
    void theBundledOpenBlasWorksWhereNoSystemOneIsUsed() throws IOException, InterruptedException {
        // A fresh JVM, so that the bundled library is the first and only one loaded there.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-D" + NativeBlas.SOURCE_PROPERTY + "=bundled",
                        "-cp",
                        System.getProperty("java.class.path"),
                        BlasSmokeCheck.class.getName()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1, equalTo(0));
        assertThat(output, containsString("origin=bundled org.bytedeco:openblas"));
        assertThat(
                output.lines()
                        .filter(l -> l.startsWith("accuracy="))
                        .findFirst()
                        .orElse(""),
                startsWith("accuracy=1.0"));
    }
}
