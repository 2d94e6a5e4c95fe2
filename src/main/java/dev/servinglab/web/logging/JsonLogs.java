package dev.servinglab.web.logging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.logging.Handler;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Switches the console log to JSON lines when {@link LogConfig#json()} says so. Quarkus lets only an extension
 * choose the console's formatter (the {@code quarkus-logging-json} extension does, but its build-time half does not
 * resolve from Maven Central here), so the formatter is set on Quarkus's console handler as the app starts: before
 * any other startup work, so that everything the app logs is JSON, from the models trained to the last line at
 * shutdown. Only what Quarkus itself might log while it boots, before this runs, would stay plain; a normal start
 * logs nothing there (the JSON-log test reads every line).
 */
@ApplicationScoped
public class JsonLogs {

    /** Sets the JSON formatter on the console handler, first of everything that runs at startup. */
    void install(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, LogConfig config) {
        if (config.json()) {
            JsonLogFormatter json = new JsonLogFormatter();
            for (Handler handler : LogContext.getLogContext().getLogger("").getHandlers()) {
                format(handler, json);
            }
        }
    }

    /** Sets the formatter on every console handler at or under a handler (Quarkus nests them: delayed, async). */
    private static void format(Handler handler, JsonLogFormatter json) {
        if (handler instanceof ConsoleHandler console) {
            console.setFormatter(json);
        } else if (handler instanceof ExtHandler nesting) {
            for (Handler nested : nesting.getHandlers()) {
                format(nested, json);
            }
        }
    }
}
