package dev.servinglab.lesson.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.LiveValues;
import dev.servinglab.lesson.LessonConfig;
import dev.servinglab.lesson.Widgets;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Loads the lessons from their folder, checks them all (front matter, widgets, live values, links between
 * lessons) and keeps them rendered. {@link ContentPreloader} loads them as the app starts, and a problem stops
 * the app with the file and line. In dev mode an edited file is read again on the next page view.
 */
@ApplicationScoped
public class LessonRepository {

    private static final Logger LOG = Logger.getLogger(LessonRepository.class);

    private final Path folder;
    private final LiveValues live;
    private final Widgets widgets;
    private final boolean reloadOnChange;
    private final LessonParser parser;
    private final LessonRenderer renderer = new LessonRenderer();
    private Catalog catalog;

    private record Catalog(List<Lesson> lessons, Map<String, Lesson> bySlug, FileTime stamp) {}

    /** The live documents and the widgets' HTML, from the running models. */
    private record Rendering(Map<String, JsonNode> documents, Map<String, String> widgets) {}

    LessonRepository(LessonConfig config, LiveValues live, Widgets widgets) {
        this.folder = Path.of(config.dir().orElse("lessons")).toAbsolutePath().normalize();
        this.live = live;
        this.widgets = widgets;
        this.parser = new LessonParser(widgets.names(), LessonParser.markdownParser(LessonRenderer.EXTENSIONS));
        this.reloadOnChange = LaunchMode.current() == LaunchMode.DEVELOPMENT;
    }

    /** Returns every lesson in order. */
    public List<Lesson> lessons() {
        return current().lessons();
    }

    /** Finds a lesson by its slug. */
    public Optional<Lesson> find(String slug) {
        return Optional.ofNullable(current().bySlug().get(slug));
    }

    private synchronized Catalog current() {
        if (catalog == null || reloadOnChange && !stamp().equals(catalog.stamp())) {
            catalog = load();
            LOG.infof("%d lessons from %s", catalog.lessons().size(), folder);
        }
        return catalog;
    }

    private Catalog load() {
        // The live documents and the widgets need the trained models, the parsing does not: both go on at once.
        CompletableFuture<Rendering> rendering =
                CompletableFuture.supplyAsync(() -> new Rendering(live.sources(), widgets.renderAll()));
        List<Path> files = lessonFiles();
        List<LessonSource> sources = new ArrayList<>();
        Map<Integer, String> numbers = new HashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                LessonSource source = parser.parse(name, Files.readString(file));
                String clash = numbers.putIfAbsent(source.number(), name);
                if (clash != null) {
                    throw new ContentValidationException(
                            name, 1, "lesson number " + source.number() + " is also used by " + clash);
                }
                sources.add(source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ContentValidationException e) {
                throw e.at(file.toString());
            }
        }
        Map<String, LessonSource> bySlug = new HashMap<>();
        sources.forEach(s -> bySlug.put(s.slug(), s));
        for (LessonSource source : sources) {
            try {
                parser.checkLinks(source, bySlug);
            } catch (ContentValidationException e) {
                throw e.at(folder.resolve(source.file()).toString());
            }
        }
        Rendering inputs = join(rendering);
        List<Lesson> lessons = new ArrayList<>();
        for (LessonSource source : sources) {
            try {
                lessons.add(renderer.render(
                        source, inputs.documents(), inputs.widgets(), widgets.scripts(source.widgets())));
            } catch (ContentValidationException e) {
                throw e.at(folder.resolve(source.file()).toString());
            }
        }
        Map<String, Lesson> lessonBySlug = new HashMap<>();
        lessons.forEach(l -> lessonBySlug.put(l.slug(), l));
        return new Catalog(List.copyOf(lessons), Map.copyOf(lessonBySlug), stamp());
    }

    private static Rendering join(CompletableFuture<Rendering> rendering) {
        try {
            return rendering.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private List<Path> lessonFiles() {
        if (!Files.isDirectory(folder)) {
            throw new ContentValidationException(
                    folder.toString(),
                    1,
                    "no lessons folder here: start the app "
                            + "from the project folder, or set serving-lab.lessons.dir (SERVING_LAB_LESSONS_DIR)");
        }
        try (Stream<Path> list = Files.list(folder)) {
            List<Path> files = list.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equals("README.md"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
            if (files.isEmpty()) {
                throw new ContentValidationException(
                        folder.toString(), 1, "the lessons folder holds no NN-slug.md file");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileTime stamp() {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> {
                        try {
                            return Files.getLastModifiedTime(p);
                        } catch (IOException e) {
                            return FileTime.fromMillis(0);
                        }
                    })
                    .max(Comparator.naturalOrder())
                    .orElse(FileTime.fromMillis(0));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
