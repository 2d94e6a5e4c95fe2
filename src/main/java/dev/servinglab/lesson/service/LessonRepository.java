package dev.servinglab.lesson.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servinglab.content.ContentValidationException;
import dev.servinglab.content.ContentYaml;
import dev.servinglab.content.LivePlaceholders;
import dev.servinglab.content.LiveValues;
import dev.servinglab.lesson.LessonConfig;
import dev.servinglab.lesson.Widgets;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
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
 * lessons) and keeps them rendered. {@link dev.servinglab.site.ContentPreloader} loads them as the app starts, and a
 * problem stops the app with the file and line. In dev mode an edited file is read again on the next page view.
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

    /**
     * Holds the lessons as loaded.
     *
     * @param lessons every lesson, in order
     * @param indexes the index of every lesson in that order, by slug
     * @param stamp   the newest modification time in the folder when it was read
     */
    private record Catalog(List<Lesson> lessons, Map<String, Integer> indexes, FileTime stamp) {}

    /** The live documents and the widgets' HTML, from the running models. */
    private record Rendering(Map<String, JsonNode> documents, Map<String, String> widgets) {}

    LessonRepository(LessonConfig config, LiveValues live, Widgets widgets, Validator validator) {
        this.folder = Path.of(config.dir().orElse("lessons")).toAbsolutePath().normalize();
        this.live = live;
        this.widgets = widgets;
        this.parser = new LessonParser(widgets.names(), new ContentYaml(validator));
        this.reloadOnChange = LaunchMode.current() == LaunchMode.DEVELOPMENT;
    }

    /** Returns every lesson in order. */
    public List<Lesson> lessons() {
        return current().lessons();
    }

    /** Finds a lesson by its slug, with the lessons before and after it. */
    public Optional<LessonPosition> find(String slug) {
        Catalog current = current();
        Integer index = current.indexes().get(slug);
        if (index == null) {
            return Optional.empty();
        }
        List<Lesson> lessons = current.lessons();
        return Optional.of(new LessonPosition(
                lessons.get(index),
                index > 0 ? lessons.get(index - 1) : null,
                index + 1 < lessons.size() ? lessons.get(index + 1) : null));
    }

    /** Returns the file a lesson was read from, for messages. */
    public Path file(Lesson lesson) {
        return folder.resolve(lesson.slug() + ".md");
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
        LessonLinks links = new LessonLinks(sources);
        for (LessonSource source : sources) {
            try {
                links.check(source);
            } catch (ContentValidationException e) {
                throw e.at(folder.resolve(source.file()).toString());
            }
        }
        Rendering inputs = join(rendering);
        LivePlaceholders values = new LivePlaceholders(inputs.documents());
        List<Lesson> lessons = new ArrayList<>();
        Map<String, Integer> indexes = new HashMap<>();
        for (LessonSource source : sources) {
            try {
                indexes.put(source.slug(), lessons.size());
                lessons.add(renderer.render(source, values, inputs.widgets(), widgets.scripts(source.widgets())));
            } catch (ContentValidationException e) {
                throw e.at(folder.resolve(source.file()).toString());
            }
        }
        return new Catalog(List.copyOf(lessons), Map.copyOf(indexes), stamp());
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
