package dev.servinglab.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the tests of a {@link PostgresProfile} class only where a PostgreSQL answers at the URL the environment
 * gives. On a developer's machine without one they are skipped with the reason; under {@code CI=true} they fail
 * instead, so that a CI machine without PostgreSQL cannot pass by running none of them.
 */
public class PostgresAvailable implements ExecutionCondition {

    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("the class's PostgreSQL was checked");
        }
        Optional<String> missing = problem();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled(
                    "PostgreSQL answers at " + PostgresProfile.url().orElseThrow());
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("PostgreSQL tests must run under CI, but " + missing.get()
                    + ": .ci/run installs and starts it, and sets " + PostgresProfile.URL);
        }
        return ConditionEvaluationResult.disabled("Skipped: " + missing.get() + " (set " + PostgresProfile.URL + ", "
                + PostgresProfile.USER + " and " + PostgresProfile.PASSWORD + " as .ci/run does)");
    }

    /** Says what keeps the tests from reaching the database, or nothing when they can. */
    private static Optional<String> problem() {
        Optional<String> url = PostgresProfile.url();
        if (url.isEmpty()) {
            return Optional.of(PostgresProfile.URL + " is not set");
        }
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        try (Connection connection =
                DriverManager.getConnection(url.get(), PostgresProfile.user(), PostgresProfile.password())) {
            return connection.isValid(LOGIN_TIMEOUT_SECONDS)
                    ? Optional.empty()
                    : Optional.of("the connection to " + url.get() + " is not valid");
        } catch (SQLException e) {
            return Optional.of("no PostgreSQL answers at " + url.get() + " (" + e.getMessage() + ")");
        }
    }
}
