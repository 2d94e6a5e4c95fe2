package dev.servinglab.web.runtime;

import io.quarkus.vertx.VertxOptionsCustomizer;
import io.vertx.core.VertxOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps Vert.x's file cache (the static files it copies out of the jar to serve them) in one folder under the data
 * folder, {@code vertx-cache}, instead of a new randomly named folder in the system's temporary folder per start.
 * Vert.x deletes its folder when the app stops, but a {@code kill -9} left one behind in the temporary folder for
 * ever; now it leaves the one folder, which the next start empties and reuses (a copy from an older jar must not be
 * served by a newer one). Only one app runs on a data folder (the database file is locked), so no other app's
 * cache is emptied. An operator's own {@code quarkus.vertx.cache-directory} is left as it is.
 */
@ApplicationScoped
public class FileCacheFolder implements VertxOptionsCustomizer {

    /** The folder's name in the data folder. */
    public static final String NAME = "vertx-cache";

    private final Path dataDir;
    private final Optional<String> configured;

    FileCacheFolder(
            @ConfigProperty(name = "serving-lab.data-dir", defaultValue = "./data") Path dataDir,
            @ConfigProperty(name = "quarkus.vertx.cache-directory") Optional<String> configured) {
        this.dataDir = dataDir;
        this.configured = configured;
    }

    /** Points Vert.x's file cache to the folder under the data folder, emptied of what a killed run left there. */
    @Override
    public void accept(VertxOptions options) {
        if (configured.isPresent() || System.getProperty("vertx.cacheDirBase") != null) {
            return;
        }
        Path folder = dataDir.resolve(NAME).toAbsolutePath().normalize();
        deleteTree(folder);
        options.getFileSystemOptions().setFileCacheDir(folder.toString()).setFileCacheDirAsExactPath(true);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty Vert.x's file cache folder " + root, e);
        }
    }
}
