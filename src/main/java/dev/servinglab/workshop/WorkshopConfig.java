package dev.servinglab.workshop;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Configures workshop mode: how learners join, how much they may report, and how often the instructor's
 * dashboard is brought up to date.
 */
@ConfigMapping(prefix = "serving-lab.workshop")
public interface WorkshopConfig {

    /**
     * The address learners open to join, for the join link and its QR code, such as {@code http://10.0.0.5:8080}.
     * Unset means the address the instructor's own page was opened at: open it at the laptop's network address,
     * not {@code localhost}, or set this.
     */
    Optional<URI> publicUrl();

    /**
     * Join attempts one client address may make per minute, right or wrong; beyond it, 429 with Retry-After.
     * Enough for a classroom behind one router, far too few to guess a code.
     */
    @WithDefault("30")
    @Min(1)
    int joinsPerMinute();

    /** Learners one workshop takes. */
    @WithDefault("500")
    @Min(1)
    int maxLearners();

    /** Reports one learner may send per minute; beyond it, 429 with Retry-After. */
    @WithDefault("120")
    @Min(1)
    int reportsPerMinute();

    /** Latencies one latency-lab report may carry: the lab's largest run. */
    @WithDefault("2000")
    @Min(1)
    @Max(100_000)
    int maxLatencies();

    /**
     * How often the dashboard stream sends the class's state while reports arrive: reports are gathered for this
     * long, then sent at once, so that a busy class costs the instructor's browser one update per interval.
     */
    @WithDefault("250ms")
    Duration dashboardInterval();

    /**
     * Whether the app plays a small class against itself once it has started (a workshop with learners joining
     * and reporting, removed at once), so that the first real class to join finds those paths compiled by the JIT
     * instead of waiting for it: a few seconds of CPU in the background, nothing kept.
     */
    @WithDefault("true")
    boolean warmUp();

    /** How long a learner's browser keeps its place in a workshop (the cookie's lifetime). */
    @WithDefault("30d")
    Duration learnerCookieAge();
}
