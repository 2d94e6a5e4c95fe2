package dev.servinglab.lesson;

import io.quarkus.qute.TemplateInstance;
import java.util.List;

/**
 * Is one interactive piece a lesson places with {@code {{widget NAME}}}. A feature implements it as a CDI bean
 * beside the code it shows, with its own template and its own ES module; the lesson engine finds every widget
 * through CDI and knows none of them by name.
 */
public interface LessonWidget {

    /** Returns the name lessons place it by, e.g. {@code threshold-lab}: lower-case words joined by hyphens. */
    String name();

    /**
     * Renders it from the running models: complete HTML that shows real numbers before any script runs. Called
     * once per load of the lessons, after the models are trained.
     */
    TemplateInstance render();

    /**
     * Returns the ES modules that make it interactive, as paths the page loads with {@code <script type=module>};
     * none for a widget that needs no script.
     */
    default List<String> scripts() {
        return List.of();
    }
}
