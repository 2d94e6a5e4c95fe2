package dev.servinglab.predict.widget;

import dev.servinglab.lesson.LessonWidget;
import dev.servinglab.model.data.IrisExamples;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Fires requests at the predict API from the browser and shows their latency percentiles beside the server's own
 * stage times.
 */
@ApplicationScoped
public class LatencyLabWidget implements LessonWidget {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(String example);
    }

    @Override
    public String name() {
        return "latency-lab";
    }

    @Override
    public TemplateInstance render() {
        return Templates.widget(IrisExamples.example().json());
    }

    @Override
    public List<String> scripts() {
        return List.of("/js/predict/latency-lab.js");
    }
}
