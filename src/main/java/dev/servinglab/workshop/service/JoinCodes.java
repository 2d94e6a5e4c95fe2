package dev.servinglab.workshop.service;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Makes and reads workshop join codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z,
 * 5/S, 6/G, 8/B), so a code read aloud or copied from a projector is typed right. Learners may type it in lower
 * case, with spaces or a dash.
 */
public final class JoinCodes {

    /** The characters of a code. */
    public static final String ALPHABET = "ACDEFHJKMNPQRTUVWXY3479";
    /** The characters in a code: 23^6, about 148 million codes. */
    public static final int LENGTH = 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCodes() {}

    /** Makes a new random code. */
    public static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Reads a code as typed: the code as stored, or empty when it cannot be one. */
    public static Optional<String> read(String typed) {
        if (typed == null || typed.length() > 3 * LENGTH) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** Writes a code for people to read: two groups of three, {@code KXP-47R}. */
    public static String display(String code) {
        return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
    }
}
