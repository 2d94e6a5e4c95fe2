package dev.servinglab.predict.widget;

import dev.servinglab.lesson.LessonWidget;
import dev.servinglab.model.data.IrisExamples;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Sends any request to this server and shows exactly what a client gets back, starting from the example flower.
 */
@ApplicationScoped
public class ApiConsoleWidget implements LessonWidget {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(String example);
    }

    @Override
    public String name() {
        return "api-console";
    }

    @Override
    public TemplateInstance render() {
        return Templates.widget(IrisExamples.SETOSA);
    }

    @Override
    public List<String> scripts() {
        return List.of("/js/predict/api-console.js");
    }
}
