package dev.servinglab.it;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/**
 * Owns what a test of the packaged app on a data folder of its own needs: the app it started, the folder, and
 * the clean-up: the app is stopped, and the folder deleted if the test passed; a failed test leaves it, with the
 * apps' logs, to be read.
 */
abstract class AppOnADataFolder {

    /** The app the test started last, stopped after the test; null if it started none. */
    protected PackagedApp app;
    /** The test's data folder; null until the test makes it. */
    protected Path data;

    private boolean passed;

    /** Marks the test passed: its data folder is deleted after it. Called once every assertion has held. */
    protected void passed() {
        passed = true;
    }

    @AfterEach
    void stopAppAndDeleteDataFolder() throws InterruptedException, IOException {
        if (app != null) {
            app.close();
        }
        if (passed && data != null) {
            PackagedApp.deleteTree(data);
        }
    }
}
