package dev.servinglab.workshop.rest;

import dev.servinglab.workshop.WorkshopConfig;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/**
 * Names and writes the cookies of workshop mode: the learner's token and the instructor's secret. Both are
 * HttpOnly (no script reads them) and SameSite=Lax (another site's form or script cannot send them with a
 * write; {@link CrossSiteGuard} checks the origin too).
 */
public final class WorkshopCookies {

    /** The cookie holding a learner's token. */
    public static final String LEARNER = "serving-lab-learner";

    private static final String INSTRUCTOR_PREFIX = "serving-lab-instructor-";

    private WorkshopCookies() {}

    /** Returns the name of the cookie holding the instructor's secret of a workshop. */
    public static String instructor(String code) {
        return INSTRUCTOR_PREFIX + code;
    }

    /** Writes the learner's cookie, kept for the configured time. */
    public static NewCookie learner(String token, WorkshopConfig config) {
        return cookie(LEARNER, token, config.learnerCookieAge());
    }

    /** Writes the instructor's cookie for a workshop, kept as long as the learners'. */
    public static NewCookie instructor(String code, String secret, WorkshopConfig config) {
        return cookie(instructor(code), secret, config.learnerCookieAge());
    }

    /** Writes a cookie that removes one. */
    public static NewCookie expired(String name) {
        return cookie(name, "", Duration.ZERO);
    }

    private static NewCookie cookie(String name, String value, Duration age) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge((int) Math.min(Integer.MAX_VALUE, age.toSeconds()))
                .build();
    }
}
