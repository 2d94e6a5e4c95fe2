package dev.servinglab.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a {@code @QuarkusTest} against a real PostgreSQL instead of the in-memory H2: the app is built for it (the
 * database kind is fixed when Quarkus builds the app, so the profile builds it again) and Flyway makes the schema
 * anew from the same migrations at each start. Pair it with {@link PostgresAvailable}, which says why the tests do
 * not run where there is no server, and fails them under CI. {@code .ci/run} starts the server and sets:
 *
 * <ul>
 *   <li>{@value #URL}: the JDBC URL of a database the tests may empty, such as
 *       {@code jdbc:postgresql://127.0.0.1:5432/servinglab_test}
 *   <li>{@value #USER} and {@value #PASSWORD}: a role that owns it
 * </ul>
 */
public class PostgresProfile implements QuarkusTestProfile {

    /** The environment variable that holds the test database's JDBC URL. */
    public static final String URL = "SERVING_LAB_TEST_POSTGRES_URL";

    /** The environment variable that holds the role the tests log in as. */
    public static final String USER = "SERVING_LAB_TEST_POSTGRES_USER";

    /** The environment variable that holds that role's password. */
    public static final String PASSWORD = "SERVING_LAB_TEST_POSTGRES_PASSWORD";

    /** Returns the test database's JDBC URL, if the environment gives one. */
    public static Optional<String> url() {
        return Optional.ofNullable(System.getenv(URL)).filter(url -> !url.isBlank());
    }

    /** Returns the role the tests log in as. */
    public static String user() {
        return System.getenv().getOrDefault(USER, "servinglab");
    }

    /** Returns that role's password. */
    public static String password() {
        return System.getenv().getOrDefault(PASSWORD, "");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                // Where no server is given, PostgresAvailable has already kept the test from running.
                "quarkus.datasource.jdbc.url", url().orElse("jdbc:postgresql://127.0.0.1:5432/servinglab_test"),
                "quarkus.datasource.username", user(),
                "quarkus.datasource.password", password(),
                // A test database holds nothing to keep: each start begins with the schema the migrations make.
                "quarkus.flyway.clean-disabled", "false",
                "quarkus.flyway.clean-at-start", "true",
                // A CI machine shared with other builds can take longer than the default 5 s to log in (SCRAM).
                "quarkus.datasource.jdbc.acquisition-timeout", "30s");
    }
}
