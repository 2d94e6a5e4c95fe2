package dev.servinglab.workshop.rest;

import dev.servinglab.testsupport.PostgresAvailable;
import dev.servinglab.testsupport.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the dashboard stream's check (a report reaches it within two seconds) against PostgreSQL as well as H2.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@ExtendWith(PostgresAvailable.class)
class DashboardStreamPostgresTest extends DashboardStreamTest {}
