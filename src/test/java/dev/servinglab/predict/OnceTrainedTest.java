package dev.servinglab.predict;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnceTrainedTest {

    private final AtomicBoolean trained = new AtomicBoolean();
    private final AtomicInteger runs = new AtomicInteger();
    private final OnceTrained<String> answer =
            new OnceTrained<>(trained::get, () -> "answer " + runs.incrementAndGet());

    @Test
    void givesNothingWhileTheModelsTrainAndTriesAgainNextTime() {
        assertThat(answer.get(), equalTo(Optional.empty()));
        assertThat(answer.get(), equalTo(Optional.empty()));
        assertThat("computed before the models were ready", runs.get(), equalTo(0));

        trained.set(true);

        assertThat(answer.get(), equalTo(Optional.of("answer 1")));
    }

    @Test
    void computesOnceTheModelsAreReadyAndKeepsIt() {
        trained.set(true);

        assertThat(answer.get(), equalTo(Optional.of("answer 1")));
        assertThat(answer.get(), equalTo(Optional.of("answer 1")));
        assertThat(runs.get(), equalTo(1));
    }
}
