package dev.servinglab.workshop.rest;

import dev.servinglab.testsupport.PostgresAvailable;
import dev.servinglab.testsupport.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the workshop API's checks (join, report, export, close, delete, the unique nickname answered with 422,
 * a step reported many times at once recorded once) against PostgreSQL as well as H2.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@ExtendWith(PostgresAvailable.class)
class WorkshopApiPostgresTest extends WorkshopApiTest {}
