package dev.servinglab.workshop.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes the secrets of workshop mode (the instructor's secret, a learner's token) and checks them against their
 * stored hashes. Only hashes are stored: a copy of the database lets nobody act as an instructor.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 128 bits: far beyond guessing, short enough for a link. */
    private static final int BYTES = 16;

    private Secrets() {}

    /** Makes a new random secret, URL-safe. */
    public static String newSecret() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Returns the SHA-256 of a secret, in hex, as stored. */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Checks a secret against a stored hash in constant time: how long the comparison takes tells nothing about
     * how much of a guess was right.
     */
    public static boolean matches(String secret, String storedHash) {
        if (secret == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(
                hash(secret).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
