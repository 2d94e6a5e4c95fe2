package dev.servinglab.training.rest;

import dev.servinglab.testsupport.PostgresAvailable;
import dev.servinglab.testsupport.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the stored promotion's checks (a model let go from memory loaded again from the database and answering the
 * same, an unknown name answered 404, a changed row refused) against PostgreSQL as well as H2.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@ExtendWith(PostgresAvailable.class)
class StoredPromotionPostgresTest extends StoredPromotionTest {}
