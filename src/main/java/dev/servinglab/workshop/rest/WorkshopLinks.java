package dev.servinglab.workshop.rest;

import dev.servinglab.workshop.WorkshopConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a workshop's links: where learners join, the join QR code, the instructor's link and the API. They start
 * from the configured public address, or else the one the request came to.
 *
 * @param base the address the links start from, ending in a slash
 * @param code the workshop's join code
 */
public record WorkshopLinks(URI base, String code) {

    /** Makes the links of a workshop for a request that came to a base address. */
    public static WorkshopLinks of(WorkshopConfig config, URI requestBase, String code) {
        URI base = config.publicUrl().orElse(requestBase);
        String text = base.toString();
        return new WorkshopLinks(URI.create(text.endsWith("/") ? text : text + "/"), code);
    }

    /** Returns the link learners open to join, with the code filled in. */
    public URI join() {
        return base.resolve("join?code=" + code);
    }

    /** Returns the join link's QR code. */
    public URI qr() {
        return base.resolve("workshops/" + code + "/qr.svg");
    }

    /** Returns the instructor's link, which carries the secret. */
    public URI instructor(String secret) {
        return base.resolve(
                "workshops/" + code + "/instructor?key=" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }

    /** Returns the dashboard page. */
    public URI dashboard() {
        return base.resolve("workshops/" + code);
    }

    /** Returns the workshop in the API. */
    public URI api() {
        return base.resolve("api/v1/workshops/" + code);
    }

    /** Returns whether learners on other machines can open these links: not when they point at this machine. */
    public boolean reachable() {
        String host = base.getHost();
        return host != null && !host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]");
    }
}
