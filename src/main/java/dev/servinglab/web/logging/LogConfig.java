package dev.servinglab.web.logging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Configures how the app logs, beyond Quarkus's own {@code quarkus.log.*} settings.
 */
@ConfigMapping(prefix = "serving-lab.log")
public interface LogConfig {

    /**
     * Whether the console log is JSON, one object per line ({@link JsonLogFormatter}), for a log collector;
     * {@code SERVING_LAB_LOG_JSON=true} turns it on. Off by default: a learner reads the plain lines.
     */
    @WithDefault("false")
    boolean json();
}
