package dev.servinglab.model.blas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Makes OpenBLAS available to Smile before any of its BLAS classes initialise.
 *
 * <p>Smile's MLP calls {@code cblas_*} through the Java FFM API and has no Java fallback. Smile looks the
 * symbols up in {@code lib<smile.lib.blas>.so}, then in the libraries loaded by its own class loader. So:
 * a system {@code libopenblas.so} is used as it is; otherwise the library is loaded with
 * {@link System#load} (a system {@code libopenblas.so.0}, else the copy shipped in
 * {@code org.bytedeco:openblas}) and {@code smile.lib.blas} is pointed at {@code jvm}, a library that is
 * always loaded, so that Smile's lookup falls through to the class loader's libraries.
 *
 * <p>{@code System.load} ties a library to the class loader of its caller, and Quarkus (in tests and dev mode)
 * loads Smile in another class loader than the application. So the library is loaded by a two-line class
 * defined in Smile's own package and class loader.
 *
 * <p>The bundled library is extracted once per version to a cache folder (see {@link BlasCache}), not to a new
 * temporary folder at every start: {@code deleteOnExit} never runs when the process is killed, so every
 * {@code kill -9} used to leave 41 MB behind for ever.
 */
public final class NativeBlas {

    /**
     * Configuration key choosing where OpenBLAS comes from: {@code auto} (default), {@code system} or
     * {@code bundled}; like every key, settable in application.properties, as a system property or as the
     * environment variable {@code SERVING_LAB_BLAS}. It is read through MicroProfile Config directly, not a
     * config mapping, because the library is loaded from static code, outside CDI.
     */
    public static final String SOURCE_PROPERTY = "serving-lab.blas";

    private static final Logger LOG = Logger.getLogger(NativeBlas.class);
    private static final String SMILE_PROPERTY = "smile.lib.blas";
    private static final String BUNDLE_DIR = "org/bytedeco/openblas/linux-x86_64/";
    /** Loaded first so that the dynamic linker finds them when libopenblas asks for them. */
    private static final List<String> BUNDLED_FILES =
            List.of("libgcc_s.so.1", "libquadmath.so.0", "libgfortran.so.5", "libopenblas.so.0");

    private static final List<Path> SYSTEM_CANDIDATES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/libopenblas.so.0"),
            Path.of("/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0"),
            Path.of("/usr/lib64/libopenblas.so.0"),
            Path.of("/usr/lib/libopenblas.so.0"));

    private static final ClassDesc LOADER_CLASS = ClassDesc.of("smile.linalg.blas.ServingLabLibraryLoader");

    private static volatile String origin;

    private NativeBlas() {}

    /**
     * Loads OpenBLAS once per class loader and returns where it came from.
     *
     * @return a human-readable description of the library in use
     */
    public static synchronized String ensureLoaded() {
        if (origin == null) {
            origin = load(ConfigProvider.getConfig()
                    .getOptionalValue(SOURCE_PROPERTY, String.class)
                    .orElse("auto")
                    .toLowerCase(Locale.ROOT));
            LOG.infof("OpenBLAS for Smile: %s", origin);
        }
        return origin;
    }

    private static String load(String source) {
        boolean allowSystem = !source.equals("bundled");
        boolean allowBundled = !source.equals("system");
        if (allowSystem && System.getProperty(SMILE_PROPERTY) == null && loadableByName("openblas")) {
            return "system " + System.mapLibraryName("openblas");
        }
        if (allowSystem) {
            Optional<Path> systemLibrary =
                    SYSTEM_CANDIDATES.stream().filter(Files::isReadable).findFirst();
            if (systemLibrary.isPresent()) {
                loadFile(systemLibrary.get());
                System.setProperty(SMILE_PROPERTY, "jvm");
                return "system " + systemLibrary.get();
            }
        }
        if (!allowBundled) {
            throw new IllegalStateException("No system OpenBLAS found and " + SOURCE_PROPERTY + "=system");
        }
        Path directory = loadBundled();
        System.setProperty(SMILE_PROPERTY, "jvm");
        return "bundled org.bytedeco:openblas, loaded from " + directory;
    }

    private static boolean loadableByName(String name) {
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup.libraryLookup(System.mapLibraryName(name), arena);
            return true;
        } catch (IllegalArgumentException notFound) {
            return false;
        }
    }

    private static void loadFile(Path library) {
        try {
            loadInSmileClassLoader(library.toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnsatisfiedLinkError alreadyLoadedElsewhere) {
            // A JVM loads a file in one class loader only; a restarted application (tests, dev mode) gets a copy.
            loadInSmileClassLoader(copyToTemporaryDirectory(library));
        }
    }

    /**
     * Calls {@code System.load(library)} from a class of Smile's class loader, defining that class on first use.
     */
    private static void loadInSmileClassLoader(Path library) {
        try {
            Class<?> anchor = smile.linalg.blas.cblas_h.class; // a class literal loads without initialising
            Class<?> loader;
            try {
                loader = Class.forName(
                        LOADER_CLASS.packageName() + "." + LOADER_CLASS.displayName(), true, anchor.getClassLoader());
            } catch (ClassNotFoundException firstUse) {
                loader = MethodHandles.privateLookupIn(anchor, MethodHandles.lookup())
                        .defineClass(loaderBytes());
            }
            loader.getMethod("load", String.class).invoke(null, library.toString());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof UnsatisfiedLinkError error) {
                throw error;
            }
            throw new IllegalStateException("cannot load " + library, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load " + library, e);
        }
    }

    /**
     * Returns the bytes of
     * {@code public final class ServingLabLibraryLoader { static void load(String p) { System.load(p); } }}.
     */
    private static byte[] loaderBytes() {
        MethodTypeDesc stringToVoid = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String);
        return ClassFile.of()
                .build(
                        LOADER_CLASS,
                        clazz -> clazz.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL)
                                .withMethodBody(
                                        "load",
                                        stringToVoid,
                                        ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                                        code -> code.aload(0)
                                                .invokestatic(ClassDesc.of("java.lang.System"), "load", stringToVoid)
                                                .return_()));
    }

    /**
     * Copies a library that this JVM has loaded in another class loader (a restarted application in tests or dev
     * mode) to a folder of this process, which a later start deletes once the process has gone.
     */
    private static Path copyToTemporaryDirectory(Path library) {
        return copyToProcessDirectory(List.of(library)).resolve(library.getFileName());
    }

    private static Path copyToProcessDirectory(List<Path> libraries) {
        try {
            BlasCache.removeStale(temporaryFolder(), null, LOG);
            Path directory = BlasCache.newProcessDirectory(temporaryFolder());
            directory.toFile().deleteOnExit();
            for (Path library : libraries) {
                Path copy = directory.resolve(library.getFileName());
                Files.copy(library, copy);
                copy.toFile().deleteOnExit();
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads the bundled library from the cache folder of its version, extracted there by the first start that
     * needed it; a JVM that has already loaded that folder's files in another class loader loads copies instead.
     */
    private static Path loadBundled() {
        Path directory =
                BlasCache.extract(temporaryFolder(), NativeBlas.class.getClassLoader(), BUNDLE_DIR, BUNDLED_FILES, LOG);
        List<Path> libraries = BUNDLED_FILES.stream().map(directory::resolve).toList();
        try {
            libraries.forEach(NativeBlas::loadInSmileClassLoader);
            return directory;
        } catch (UnsatisfiedLinkError alreadyLoadedElsewhere) {
            Path copies = copyToProcessDirectory(libraries);
            BUNDLED_FILES.forEach(file -> loadInSmileClassLoader(copies.resolve(file)));
            return copies;
        }
    }

    private static Path temporaryFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
