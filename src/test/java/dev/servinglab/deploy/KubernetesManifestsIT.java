package dev.servinglab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code deploy/serving-lab.yml}, the copy an operator applies, equal to the manifests the build has just
 * generated from {@code application.properties} and {@code src/main/kubernetes/}: runs after {@code package}, so
 * a change to either that is not copied fails the build instead of drifting.
 */
class KubernetesManifestsIT {

    private static final Path GENERATED = Path.of("target", "kubernetes", "kubernetes.yml");
    private static final Path COPY = Manifests.DEPLOY.resolve("serving-lab.yml");

    @Test
    void theCopyInDeployIsWhatTheBuildGenerates() throws IOException {
        assertTrue(Files.exists(GENERATED), GENERATED + " is missing: the package phase generates it");
        assertEquals(
                Files.readString(GENERATED),
                Files.readString(COPY),
                COPY + " differs from what the build generates: cp " + GENERATED + " " + COPY);
    }
}
