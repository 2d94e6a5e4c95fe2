package dev.servinglab.it;

import dev.servinglab.testsupport.PostgresAvailable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kills the app built for PostgreSQL with SIGKILL in the middle of a class and starts it again on the same
 * database: every report it acknowledged is still there, as with the H2 file.
 */
@ExtendWith(PostgresAvailable.class)
class WorkshopRestartPostgresIT extends WorkshopRestartIT {

    @Override
    PackagedApp start(Path data, int port, boolean first) throws IOException {
        Map<String, String> environment = new HashMap<>(PackagedApp.postgres(first));
        environment.putAll(UNLIMITED);
        environment.put("SERVING_LAB_WORKSHOP_WARM_UP", "false");
        return PackagedApp.start(PackagedApp.POSTGRES_JAR, data, port, environment, List.of());
    }
}
