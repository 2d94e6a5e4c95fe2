package dev.servinglab.model.blas;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import org.jboss.logging.Logger;

/**
 * Keeps the bundled OpenBLAS in one folder per version of it, {@code serving-lab-blas-<hash>} in the temporary
 * folder, so that a start reuses what an earlier one extracted and a killed process leaves nothing new behind.
 *
 * <p>The hash covers each file's name, size and CRC-32 as the jar records them: no need to read 41 MB to name the
 * folder (where the library is not in a jar, the CRC-32 is computed from the bytes). Files are written under a
 * temporary name and moved into place, so that a process killed while extracting never leaves a truncated library
 * to load. The folder is the user's own (mode 700), so that another user of a shared {@code /tmp} cannot put a
 * library there for us to load; one that is not gets a private folder instead.
 *
 * <p>Copies made for one process only ({@code serving-lab-blas-pid<pid>-*}: the same JVM loading the library in a
 * second class loader, or a private folder) are deleted by a later start once their process has gone, and so are
 * the per-start folders of earlier versions ({@code serving-lab-openblas<n>}, {@code serving-lab-blas<n>}) and the
 * caches of other OpenBLAS versions.
 */
final class BlasCache {

    /** Files younger than this may be another process's extraction in progress, and are left alone. */
    static final Duration SETTLE = Duration.ofMinutes(1);

    private static final String PREFIX = "serving-lab-blas-";
    private static final String PROCESS_PREFIX = PREFIX + "pid";
    private static final Pattern CACHE = Pattern.compile("serving-lab-blas-[0-9a-f]{16}");
    private static final Pattern PROCESS = Pattern.compile("serving-lab-blas-pid(\\d+)-.*");
    private static final Pattern LEGACY = Pattern.compile("serving-lab-(open)?blas\\d+");
    private static final String PART = ".part";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private BlasCache() {}

    /**
     * Returns the folder holding {@code files} of {@code bundleDir}, extracting what is missing; the user's own
     * cache folder of this version, or a folder of this process where that cannot be trusted.
     */
    static Path extract(Path parent, ClassLoader loader, String bundleDir, List<String> files, Logger log) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        String hash = fingerprint(loader, bundleDir, files, sizes, log);
        Path directory = parent.resolve(PREFIX + hash);
        removeStale(parent, directory.getFileName().toString(), log);
        try {
            if (!ownDirectory(directory)) {
                log.warnf(
                        "%s is not this user's own folder; OpenBLAS is extracted to a folder of this process",
                        directory);
                directory = newProcessDirectory(parent);
            }
            for (String file : files) {
                Path target = directory.resolve(file);
                if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == sizes.get(file)) {
                    continue;
                }
                copy(loader, bundleDir + file, directory, target);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes a folder for this process only, which a start after the process has gone deletes. */
    static Path newProcessDirectory(Path parent) throws IOException {
        return Files.createTempDirectory(
                parent, PROCESS_PREFIX + ProcessHandle.current().pid() + "-", ownerOnly(parent));
    }

    /**
     * Deletes what earlier processes left in {@code parent} beside the folder named {@code current} (where only
     * half-written files are deleted; null: keep every cache): the folders of processes that have gone, the per-start
     * folders of earlier versions of the app, the caches of other versions of the library, and half-written files.
     * Whatever cannot be deleted (another user's, say) is left; on Linux a library that a running process has
     * loaded stays mapped when its file is deleted, so nothing running is harmed.
     */
    static void removeStale(Path parent, String current, Logger log) {
        Instant settled = Instant.now().minus(SETTLE);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, "serving-lab-*blas*")) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.equals(current)) {
                    removeParts(entry, settled);
                    continue;
                }
                if (isStale(entry, name, current != null, settled)) {
                    removeTree(entry, log);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            log.debugf(e, "Could not look for stale OpenBLAS copies in %s", parent);
        }
    }

    /**
     * Tells whether an entry is left over: a process's folder once the process has gone; a per-start folder of an
     * earlier version of the app, or (if {@code dropOtherCaches}) the cache of another version of the library, once
     * old enough not to be another start's extraction in progress.
     */
    private static boolean isStale(Path entry, String name, boolean dropOtherCaches, Instant settled) {
        Matcher process = PROCESS.matcher(name);
        if (process.matches()) {
            try {
                return ProcessHandle.of(Long.parseLong(process.group(1)))
                        .filter(ProcessHandle::isAlive)
                        .isEmpty();
            } catch (NumberFormatException notAPid) {
                return false;
            }
        }
        boolean oldCopy = LEGACY.matcher(name).matches()
                || dropOtherCaches && CACHE.matcher(name).matches();
        return oldCopy && olderThan(entry, settled);
    }

    /**
     * Names the library's version: a SHA-256 over each file's name, size and CRC-32, as the jar's directory records
     * them, or computed from the bytes where the class loader does not serve the file from a jar (the same name
     * either way). Fills {@code sizes} with the sizes it learnt.
     */
    static String fingerprint(
            ClassLoader loader, String bundleDir, List<String> files, Map<String, Long> sizes, Logger log) {
        MessageDigest digest = sha256();
        for (String file : files) {
            URL url = loader.getResource(bundleDir + file);
            if (url == null) {
                throw new IllegalStateException("OpenBLAS not found: no system libopenblas and no " + bundleDir + file
                        + " on the class path (org.bytedeco:openblas:linux-x86_64)");
            }
            try {
                Optional<JarEntry> entry = jarEntry(url).filter(e -> e.getSize() >= 0 && e.getCrc() >= 0);
                long size;
                long crc;
                if (entry.isPresent()) {
                    size = entry.get().getSize();
                    crc = entry.get().getCrc();
                } else {
                    log.debugf("Reading %s to name its version: %s is not a jar the cache can read", file, url);
                    CRC32 checksum = new CRC32();
                    try (InputStream in = new CheckedInputStream(url.openStream(), checksum)) {
                        size = in.transferTo(OutputStream.nullOutputStream());
                    }
                    crc = checksum.getValue();
                }
                digest.update((file + '\0' + size + ':' + crc + '\0').getBytes(StandardCharsets.UTF_8));
                sizes.put(file, size);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static Optional<JarEntry> jarEntry(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            return Optional.ofNullable(jar.getJarEntry());
        }
        // Quarkus's class loaders may answer jar:file:…!/… URLs with a connection of their own: read the jar's
        // directory itself rather than the whole library.
        String path = url.getPath();
        int separator = path.indexOf("!/");
        if (!url.getProtocol().equals("jar") || separator < 0) {
            return Optional.empty();
        }
        try {
            URI jarFile = new URI(path.substring(0, separator));
            if (!"file".equals(jarFile.getScheme())) {
                return Optional.empty();
            }
            try (JarFile jar = new JarFile(Path.of(jarFile).toFile())) {
                return Optional.ofNullable(jar.getJarEntry(path.substring(separator + 2)));
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Creates the cache folder if it is not there, and tells whether it is this user's alone. */
    private static boolean ownDirectory(Path directory) throws IOException {
        try {
            Files.createDirectory(directory, ownerOnly(directory.getParent()));
        } catch (FileAlreadyExistsException exists) {
            // Checked below: whoever made it, it must be a real folder of ours that nobody else can write to.
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!supportsPosix(directory)) {
            return true;
        }
        Path probe = Files.createTempFile(
                directory.getParent(), PROCESS_PREFIX + ProcessHandle.current().pid() + "-", ".owner");
        try {
            UserPrincipal me = Files.getOwner(probe);
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
            return me.equals(Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS))
                    && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                    && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static void copy(ClassLoader loader, String resource, Path directory, Path target) throws IOException {
        Path part = Files.createTempFile(directory, target.getFileName().toString(), PART);
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenBLAS not found: no " + resource + " on the class path");
            }
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            // Another start may extract the same file at the same moment: either move leaves a whole library.
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static void removeParts(Path directory, Instant settled) throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory, "*" + PART)) {
            for (Path part : parts) {
                if (olderThan(part, settled)) {
                    Files.deleteIfExists(part);
                }
            }
        }
    }

    private static void removeTree(Path root, Logger log) {
        try (Stream<Path> tree = Files.walk(root)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            log.debugf("Deleted the stale OpenBLAS copy %s", root);
        } catch (IOException | UncheckedIOException e) {
            log.debugf(e, "Could not delete the stale OpenBLAS copy %s", root);
        }
    }

    private static boolean olderThan(Path path, Instant instant) {
        try {
            return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS)
                    .toInstant()
                    .isBefore(instant);
        } catch (IOException e) {
            return false;
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path parent) {
        return supportsPosix(parent)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
