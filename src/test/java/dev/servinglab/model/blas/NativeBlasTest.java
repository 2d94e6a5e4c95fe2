package dev.servinglab.model.blas;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.servinglab.model.service.Activation;
import dev.servinglab.model.service.EpochListener;
import dev.servinglab.model.service.MlpTrainer;
import dev.servinglab.model.service.TrainedClassifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void theBundledOpenBlasWorksWhereNoSystemOneIsUsedAndAKillNineLeavesNoCopyBehind(@TempDir Path tmp)
            throws IOException, InterruptedException {
        // A fresh JVM, so that the bundled library is the first and only one loaded there; killed with SIGKILL
        // while it has the library loaded, as the kernel's OOM killer or an impatient operator would.
        Process killed = smokeCheck(tmp, "hold");
        BufferedReader lines = new BufferedReader(new InputStreamReader(killed.getInputStream(), UTF_8));
        String firstOrigin = "";
        for (String line = lines.readLine(); line != null && !line.startsWith("accuracy="); line = lines.readLine()) {
            firstOrigin = line.startsWith("origin=") ? line : firstOrigin;
        }
        assertThat(firstOrigin, startsWith("origin=bundled org.bytedeco:openblas, loaded from " + tmp));
        killed.destroyForcibly();
        assertThat(killed.waitFor(60, TimeUnit.SECONDS), is(true));

        Process second = smokeCheck(tmp);
        String output = new String(second.getInputStream().readAllBytes(), UTF_8);
        assertThat(second.waitFor(60, TimeUnit.SECONDS) ? second.exitValue() : -1, equalTo(0));
        assertThat(output, containsString("origin=bundled org.bytedeco:openblas"));
        assertThat(
                output.lines()
                        .filter(l -> l.startsWith("accuracy="))
                        .findFirst()
                        .orElse(""),
                startsWith("accuracy=1.0"));
        // Both runs used one folder, and it is all the temporary folder holds.
        assertThat(output, containsString(firstOrigin));
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(
                    left.map(p -> p.getFileName().toString()).toList(),
                    contains(matchesPattern("serving-lab-blas-[0-9a-f]{16}")));
        }
    }

    private static Process smokeCheck(Path tmp, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-D" + NativeBlas.SOURCE_PROPERTY + "=bundled",
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                BlasSmokeCheck.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
