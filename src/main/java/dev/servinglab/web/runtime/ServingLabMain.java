package dev.servinglab.web.runtime;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the app ({@code java -jar}, {@code ./lab start}, the Docker image) after one setting that must be made
 * before Quarkus loads its HTTP layer: Quarkus refuses a request target that is not a URI with a bare 400 before
 * any route runs, a check it reads once from the system property {@code vertx.disableURIValidation} (no
 * configuration property reaches it). With that check off, {@code HttpLayerProblems} makes the same check as the
 * first route, and answers with problem details that name the rule. Tests that start Quarkus themselves
 * ({@code @QuarkusTest}) do not run this: there the bare 400 stays unless the test JVM sets the property.
 */
@QuarkusMain
public final class ServingLabMain {

    // Quarkus makes a bean of a @QuarkusMain class: no private constructor (ArC warns at every build).
    ServingLabMain() {}

    /** Turns Quarkus's own URI check off (unless the JVM was given the property) and runs the app until it stops. */
    public static void main(String... args) {
        if (System.getProperty("vertx.disableURIValidation") == null) {
            System.setProperty("vertx.disableURIValidation", "true");
        }
        Quarkus.run(args);
    }
}
