package dev.servinglab.web.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Sends generated requests to every endpoint of the running app and judges each answer by {@link Verdicts}: never a
 * server error, every refusal explained. Run by {@link ApiFuzzTest}, which starts the app (the name does not end in
 * Test, so that the build does not run it on its own, without an app).
 *
 * <p>The randomised properties have a fixed seed, so that a run is repeatable: the same number of tries sends the
 * same requests. (Setting the seed from a lifecycle hook, which would let {@code bench/fuzz.sh} take a fresh one,
 * has no effect in jqwik 1.10.1.)
 */
class RequestProperties {

    /** Tries enough for every hostile body to be sent to every operation once (exhaustive generation). */
    private static final int ALL_HOSTILE = 10_000;

    /** The seed of every randomised property. */
    static final String SEED = "20261201";

    private final Fixture fixture = Fixture.get();

    @Property(seed = SEED)
    void aJsonBodyNeverGetsAServerErrorAndEveryRefusalSaysWhy(@ForAll("bodies") Call call) {
        judge(call);
    }

    @Property(tries = ALL_HOSTILE, generation = GenerationMode.EXHAUSTIVE, shrinking = ShrinkingMode.OFF)
    void aHostileBodyNeverGetsAServerErrorAndEveryRefusalSaysWhy(@ForAll("hostile") Call call) {
        judge(call);
    }

    @Property(seed = SEED)
    void aPathOrQueryStringNeverGetsAServerErrorAndEveryRefusalSaysWhy(@ForAll("queries") Call call) {
        judge(call);
    }

    /** Checks that the list of pages the OpenAPI document leaves out is not stale: each is served. */
    @Example
    void everyListedPageIsServed() {
        for (Call call : new Requests(fixture).listedPages()) {
            Answer answer = fixture.http.send(call);
            if (answer.status() >= 400) {
                throw new AssertionError("a page of Endpoints.PAGES is not served: " + call + " → " + answer);
            }
        }
    }

    @AfterProperty
    void theAppIsStillReady() {
        Answer ready = fixture.http.send(
                new Call("GET", "/q/health/ready", false, Map.of("Accept", "application/json"), null, "health"));
        if (ready.status() != 200 || !ready.body().contains("\"UP\"")) {
            throw new AssertionError("the app is not ready after the property: " + ready);
        }
    }

    @Provide
    Arbitrary<Call> bodies() {
        return new Requests(fixture).bodies();
    }

    @Provide
    Arbitrary<Call> hostile() {
        return Arbitraries.of(new Requests(fixture).hostileBodies());
    }

    @Provide
    Arbitrary<Call> queries() {
        return new Requests(fixture).queries();
    }

    private void judge(Call call) {
        Answer answer = fixture.http.send(call);
        Verdicts.check(call, answer);
        stopTraining(call, answer);
    }

    /** Stops a training run a valid body started: nobody follows it, and it would take a core for minutes. */
    private void stopTraining(Call call, Answer answer) {
        if (!call.method().equals("POST") || !call.path().equals("/api/v1/trainings") || answer.status() != 201) {
            return;
        }
        try {
            JsonNode run = new ObjectMapper().readTree(answer.body());
            fixture.http.send(new Call(
                    "DELETE", "/api/v1/trainings/" + run.get("id").asText(), false, Map.of(), null, "clean-up"));
        } catch (IOException e) {
            throw new AssertionError("a new training run without its id: " + answer, e);
        }
    }
}
