package dev.servinglab.training.widget;

import dev.servinglab.lesson.LessonWidget;
import dev.servinglab.training.TrainingConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Watches one of the app's own streams as a client of a generative model's API would: the browser starts a small
 * training run, follows its Server-Sent Events and measures the time to the first event and the events per second,
 * the same measurements as time to first token and tokens per second. The run is an ordinary one of the training
 * API; nothing here pretends to be a language model.
 */
@ApplicationScoped
public class StreamLabWidget implements LessonWidget {

    /** The pauses offered besides the training page's own: none at all, a short one, and a slow writer's. */
    static final List<Integer> PACES_MS = List.of(0, 20, 200);

    /** The run lengths offered, in epochs: events in the stream. */
    static final List<Integer> EPOCHS = List.of(20, 50, 100);

    /** The run length selected at first. */
    static final int DEFAULT_EPOCHS = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(List<Integer> paces, int pagePace, List<Integer> epochs, int selected);
    }

    private final TrainingConfig training;

    StreamLabWidget(TrainingConfig training) {
        this.training = training;
    }

    @Override
    public String name() {
        return "stream-lab";
    }

    @Override
    public TemplateInstance render() {
        List<Integer> epochs = epochs();
        int selected = epochs.contains(DEFAULT_EPOCHS) ? DEFAULT_EPOCHS : epochs.getLast();
        return Templates.widget(paces(), training.pagePaceMs(), epochs, selected);
    }

    @Override
    public List<String> scripts() {
        return List.of("/js/training/stream-lab.js");
    }

    /** Lists the pauses the training API accepts here, the training page's own among them, in increasing order. */
    List<Integer> paces() {
        return IntStream.concat(PACES_MS.stream().mapToInt(Integer::intValue), IntStream.of(training.pagePaceMs()))
                .filter(pace -> pace >= 0 && pace <= training.maxPaceMs())
                .distinct()
                .sorted()
                .boxed()
                .toList();
    }

    /** Lists the run lengths the training API accepts here; the longest allowed when it is shorter than them all. */
    List<Integer> epochs() {
        List<Integer> allowed =
                EPOCHS.stream().filter(epochs -> epochs <= training.maxEpochs()).toList();
        return allowed.isEmpty() ? List.of(training.maxEpochs()) : allowed;
    }
}
