package dev.servinglab.lesson;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Holds every {@link LessonWidget} the features provide, by name, so that lessons can place them and pages can
 * load their scripts.
 */
@ApplicationScoped
public class Widgets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private final Map<String, LessonWidget> byName;

    Widgets(@All List<LessonWidget> widgets) {
        this.byName = index(widgets);
    }

    /**
     * Indexes widgets by name.
     *
     * @throws IllegalStateException if a name is malformed or taken twice
     */
    static Map<String, LessonWidget> index(List<LessonWidget> widgets) {
        for (LessonWidget widget : widgets) {
            if (!NAME.matcher(widget.name()).matches()) {
                throw new IllegalStateException("widget name '" + widget.name() + "' of " + widget.getClass()
                        + " is not lower-case words joined by hyphens");
            }
        }
        return widgets.stream()
                .collect(Collectors.toMap(
                        LessonWidget::name,
                        Function.identity(),
                        (a, b) -> {
                            throw new IllegalStateException(
                                    "two widgets are named " + a.name() + ": " + a.getClass() + " and " + b.getClass());
                        },
                        TreeMap::new));
    }

    /** Returns every widget name, sorted. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** Renders every widget, by name. */
    public Map<String, String> renderAll() {
        return byName.values().stream()
                .collect(Collectors.toMap(LessonWidget::name, w -> w.render().render()));
    }

    /** Returns the scripts the given widgets need, each once, in the order of the widgets. */
    public List<String> scripts(List<String> names) {
        Set<String> scripts = new LinkedHashSet<>();
        names.forEach(name -> scripts.addAll(byName.get(name).scripts()));
        return List.copyOf(scripts);
    }
}
