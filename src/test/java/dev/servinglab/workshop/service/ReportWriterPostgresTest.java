package dev.servinglab.workshop.service;

import dev.servinglab.testsupport.PostgresAvailable;
import dev.servinglab.testsupport.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the group commit's checks against PostgreSQL as well as H2: every write in a transaction, and one failing
 * write costing the others nothing. (A refused statement, which ends a PostgreSQL transaction, is checked with the
 * step reported many times at once in {@link dev.servinglab.workshop.rest.WorkshopApiPostgresTest}.)
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@ExtendWith(PostgresAvailable.class)
class ReportWriterPostgresTest extends ReportWriterTest {}
