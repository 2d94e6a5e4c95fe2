package dev.servinglab.model.blas;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlasCacheTest {

    private static final Logger LOG = Logger.getLogger(BlasCacheTest.class);
    private static final String BUNDLE = "org/bytedeco/openblas/linux-x86_64/";
    /** Two of the bundled files, the small ones: enough to see what is extracted where, in a fraction of the time. */
    private static final List<String> FILES = List.of("libgcc_s.so.1", "libquadmath.so.0");

    private final ClassLoader loader = BlasCacheTest.class.getClassLoader();

    @Test
    void extractsOnceIntoTheUsersOwnFolderOfThisVersionAndReusesIt(@TempDir Path tmp) throws IOException {
        Path first = BlasCache.extract(tmp, loader, BUNDLE, FILES, LOG);
        Path library = first.resolve("libquadmath.so.0");
        FileTime extracted = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(library, extracted);

        Path second = BlasCache.extract(tmp, loader, BUNDLE, FILES, LOG);

        assertThat(second, equalTo(first));
        assertThat(first.getFileName().toString(), matchesPattern("serving-lab-blas-[0-9a-f]{16}"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first)), equalTo("rwx------"));
        assertThat(Files.getLastModifiedTime(library), equalTo(extracted)); // not written again
        assertThat(names(first), containsInAnyOrder(FILES.toArray()));
        assertThat(Files.size(library), equalTo(bundledSize("libquadmath.so.0")));
    }

    @Test
    void replacesAFileThatAKilledExtractionLeftTruncated(@TempDir Path tmp) throws IOException {
        Path directory = BlasCache.extract(tmp, loader, BUNDLE, FILES, LOG);
        Files.write(directory.resolve("libgcc_s.so.1"), new byte[10]);

        BlasCache.extract(tmp, loader, BUNDLE, FILES, LOG);

        assertThat(Files.size(directory.resolve("libgcc_s.so.1")), equalTo(bundledSize("libgcc_s.so.1")));
    }

    @Test
    void aFolderOthersCanWriteToIsNotTrusted(@TempDir Path tmp) throws IOException {
        String hash = BlasCache.fingerprint(loader, BUNDLE, FILES, new HashMap<>(), LOG);
        Path planted = Files.createDirectory(tmp.resolve("serving-lab-blas-" + hash));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));

        Path used = BlasCache.extract(tmp, loader, BUNDLE, FILES, LOG);

        assertThat(used, not(equalTo(planted)));
        assertThat(
                used.getFileName().toString(),
                startsWith("serving-lab-blas-pid" + ProcessHandle.current().pid() + "-"));
        assertThat(names(planted), is(List.of()));
    }

    @Test
    void theFolderIsNamedFromTheJarsDirectoryAndTheSameHoweverTheClassLoaderServesTheLibrary(@TempDir Path tmp)
            throws IOException {
        // As Quarkus's class loaders may do: jar: URLs, with a connection of their own that is not a
        // JarURLConnection. The name must come from the jar's directory, without reading the 41 MB.
        ClassLoader packaged = new ClassLoader(null) {
            @Override
            public URL getResource(String name) {
                URL url = loader.getResource(name);
                try {
                    return url == null ? null : URL.of(URI.create(url.toString()), new UnreadableHandler());
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        // As a class loader of folders does (dev mode's, say): file: URLs, read to the last byte.
        Path folder = Files.createDirectories(tmp.resolve(BUNDLE));
        for (String file : FILES) {
            try (InputStream in = loader.getResourceAsStream(BUNDLE + file)) {
                Files.copy(in, folder.resolve(file));
            }
        }
        ClassLoader folders = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, null);

        String fromTheJar = BlasCache.fingerprint(loader, BUNDLE, FILES, new HashMap<>(), LOG);

        assertThat(BlasCache.fingerprint(packaged, BUNDLE, FILES, new HashMap<>(), LOG), equalTo(fromTheJar));
        assertThat(BlasCache.fingerprint(folders, BUNDLE, FILES, new HashMap<>(), LOG), equalTo(fromTheJar));
        assertThat(
                BlasCache.fingerprint(loader, BUNDLE, List.of("libgcc_s.so.1"), new HashMap<>(), LOG),
                not(equalTo(fromTheJar)));
    }

    /** Opens connections that refuse to be read. */
    private static final class UnreadableHandler extends URLStreamHandler {
        @Override
        protected URLConnection openConnection(URL url) {
            return new URLConnection(url) {
                @Override
                public void connect() {}

                @Override
                public InputStream getInputStream() throws IOException {
                    throw new IOException("the library was read to name its folder: " + url);
                }
            };
        }
    }

    @Test
    void deletesWhatProcessesThatHaveGoneLeftAndNothingElse(@TempDir Path tmp) throws Exception {
        long gone = goneProcess();
        long me = ProcessHandle.current().pid();
        Instant old = Instant.now().minus(BlasCache.SETTLE).minusSeconds(60);
        folder(tmp, "serving-lab-openblas8412376", old);
        folder(tmp, "serving-lab-blas5512", old);
        folder(tmp, "serving-lab-blas-pid" + gone + "-77", Instant.now());
        folder(tmp, "serving-lab-blas-0123456789abcdef", old); // another version of the library
        folder(tmp, "serving-lab-blas-pid" + me + "-78", old); // this process's own copies
        folder(tmp, "serving-lab-openblas99", Instant.now()); // perhaps another start extracting right now
        folder(tmp, "serving-lab-it-data123", old); // not ours
        Path current = folder(tmp, "serving-lab-blas-fedcba9876543210", old);
        Path part = Files.createFile(current.resolve("libopenblas.so.0123.part"));
        Files.setLastModifiedTime(part, FileTime.from(old));
        Files.createFile(current.resolve("libgcc_s.so.1"));

        BlasCache.removeStale(tmp, current.getFileName().toString(), LOG);

        assertThat(
                names(tmp),
                containsInAnyOrder(
                        "serving-lab-blas-pid" + me + "-78",
                        "serving-lab-openblas99",
                        "serving-lab-it-data123",
                        "serving-lab-blas-fedcba9876543210"));
        assertThat(names(current), containsInAnyOrder("libopenblas.so.0", "libgcc_s.so.1"));
    }

    private static Path folder(Path parent, String name, Instant modified) throws IOException {
        Path folder = Files.createDirectory(parent.resolve(name));
        Files.createFile(folder.resolve("libopenblas.so.0"));
        Files.setLastModifiedTime(folder, FileTime.from(modified));
        return folder;
    }

    private static long goneProcess() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS), is(true));
        return process.pid();
    }

    private long bundledSize(String file) throws IOException {
        try (InputStream in = loader.getResourceAsStream(BUNDLE + file)) {
            return in.readAllBytes().length;
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }
}
