package dev.servinglab.workshop.rest;

import dev.servinglab.workshop.service.JoinCodes;
import dev.servinglab.workshop.service.WorkshopService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Finds the instructor's secret a request carries (an {@code Authorization: Bearer} header, for scripts, or the
 * cookie the instructor link sets, for the pages) and checks it.
 */
@ApplicationScoped
public class InstructorAccess {

    private static final String BEARER = "Bearer ";

    private final WorkshopService workshops;

    InstructorAccess(WorkshopService workshops) {
        this.workshops = workshops;
    }

    /** Checks the request's secret for a workshop and returns the workshop's id: 401, 403 or 404 otherwise. */
    public long authorise(String code, HttpHeaders headers) {
        return workshops.authorise(code, secret(code, headers));
    }

    /** Returns the secret the request carries for a workshop, or null. */
    static String secret(String code, HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        String stored = JoinCodes.read(code).orElse(code);
        Cookie cookie = headers.getCookies().get(WorkshopCookies.instructor(stored));
        return cookie == null ? null : cookie.getValue();
    }
}
