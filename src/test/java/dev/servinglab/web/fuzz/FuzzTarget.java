package dev.servinglab.web.fuzz;

import java.net.URI;
import java.util.Map;

/**
 * Names the running app the fuzz properties send their requests to, and the things a request needs to get past the
 * front door: a workshop with its instructor's secret, a learner's cookie, a finished training run. {@link ApiFuzzTest}
 * creates them and publishes them as system properties, which the properties, run by a launcher of their own, read.
 *
 * @param base          the app's root URI, such as {@code http://localhost:41234/}
 * @param workshop      the code of a workshop that stays open for the whole run
 * @param secret        that workshop's instructor secret
 * @param learner       the cookie of a learner who joined that workshop
 * @param spareWorkshop the code of a workshop that {@code POST …/close} may close
 * @param spareSecret   that workshop's instructor secret
 * @param run           the id of a finished training run
 */
record FuzzTarget(
        URI base,
        String workshop,
        String secret,
        String learner,
        String spareWorkshop,
        String spareSecret,
        String run) {

    private static final String PREFIX = "serving-lab.fuzz.";

    /** Publishes the target as system properties, for the properties that run in this JVM. */
    void publish() {
        Map.of(
                        "base", base.toString(),
                        "workshop", workshop,
                        "secret", secret,
                        "learner", learner,
                        "spare-workshop", spareWorkshop,
                        "spare-secret", spareSecret,
                        "run", run)
                .forEach((key, value) -> System.setProperty(PREFIX + key, value));
    }

    /** Reads the target {@link #publish()} published; fails when no app was started for the properties. */
    static FuzzTarget published() {
        return new FuzzTarget(
                URI.create(read("base")),
                read("workshop"),
                read("secret"),
                read("learner"),
                read("spare-workshop"),
                read("spare-secret"),
                read("run"));
    }

    private static String read(String key) {
        String value = System.getProperty(PREFIX + key);
        if (value == null) {
            throw new IllegalStateException(
                    "No app to fuzz: the properties run inside ApiFuzzTest, which starts the app and sets " + PREFIX
                            + key);
        }
        return value;
    }
}
