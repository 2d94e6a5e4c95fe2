package dev.servinglab.web.fuzz;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.servinglab.model.data.IrisExamples;
import dev.servinglab.workshop.Workshops;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Fuzzes every endpoint of the running app with the jqwik properties of {@link RequestProperties}: generated JSON
 * bodies for every POST and PUT, hostile bodies, path segments and query strings for every GET. jqwik cannot run
 * inside a Quarkus test, so this test starts the app, makes what the requests need (a workshop, a learner, a
 * finished training run) and runs the properties with a JUnit Platform launcher of its own, against the app's port.
 *
 * <p>The tries per randomised property are {@value #CI_TRIES} in CI; {@code bench/fuzz.sh N} runs N
 * ({@code -Dfuzz.tries}).
 */
@QuarkusTest
@TestProfile(ApiFuzzTest.Isolated.class)
class ApiFuzzTest {

    private static final int CI_TRIES = 150;

    /** Starts an app of its own: the workshops, runs and promoted models the fuzzing makes stay out of other tests. */
    public static class Isolated implements QuarkusTestProfile {}

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyEndpointAnswersAnyRequestWithoutAServerErrorAndExplainsEveryRefusal() {
        prepare().publish();

        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        // A launcher without the listeners the classpath registers: Quarkus's own would tear down the running app's
        // configuration when this launcher's session ends.
        LauncherConfig bare = LauncherConfig.builder()
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build();
        LauncherFactory.create(bare)
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(DiscoverySelectors.selectClass(RequestProperties.class))
                                .filters(EngineFilter.includeEngines("jqwik"))
                                .configurationParameter(
                                        "jqwik.tries.default",
                                        String.valueOf(Integer.getInteger("fuzz.tries", CI_TRIES)))
                                .configurationParameter("jqwik.database", "target/jqwik-database")
                                .build(),
                        listener);
        TestExecutionSummary summary = listener.getSummary();

        assertEquals(4, summary.getTestsSucceededCount(), () -> report(summary));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().contentType(ContentType.JSON)
                .body(IrisExamples.SETOSA)
                .when()
                .post("/api/v1/predict")
                .then()
                .statusCode(200)
                .body("predicted_class", equalTo("setosa"));
    }

    private FuzzTarget prepare() {
        Workshops.Created workshop = Workshops.create("{\"title\":\"Fuzzed\"}");
        Workshops.Joined learner = Workshops.join(workshop.code(), "fuzzer");
        Workshops.Created spare = Workshops.create("{\"title\":\"Closed by the fuzzer\"}");
        String run = given().contentType(ContentType.JSON)
                .body("{\"epochs\":2}")
                .when()
                .post("/api/v1/trainings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().when()
                        .get("/api/v1/trainings/" + run)
                        .then()
                        .extract()
                        .path("status")
                        .equals("completed"));
        return new FuzzTarget(
                root, workshop.code(), workshop.secret(), learner.token(), spare.code(), spare.secret(), run);
    }

    private static String report(TestExecutionSummary summary) {
        return summary.getTestsFoundCount() + " properties found, " + summary.getTestsSucceededCount()
                + " passed:\n"
                + summary.getFailures().stream()
                        .map(failure -> failure.getTestIdentifier().getDisplayName() + ": " + failure.getException())
                        .collect(Collectors.joining("\n\n"));
    }
}
