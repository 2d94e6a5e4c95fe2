package dev.servinglab.workshop.service;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks learners' nicknames: 1 to {@value #MAX_LENGTH} characters (code points, so any script counts each letter
 * once), no control or invisible formatting characters. Pages escape them wherever they show.
 */
public final class Nicknames {

    /** The most characters a nickname may have. */
    public static final int MAX_LENGTH = 24;
    /** The most characters read of what was typed: room for spaces and combining marks, not for a book. */
    public static final int MAX_TYPED_LENGTH = 8 * MAX_LENGTH;
    /** The rule, as a 422 names it. */
    public static final String RULE = "must be 1 to " + MAX_LENGTH
            + " characters (letters of any script, digits, spaces, punctuation; no control characters)";

    private Nicknames() {}

    /** Returns the nickname as stored (NFC, trimmed, inner spaces collapsed), or empty when it breaks the rule. */
    public static Optional<String> read(String typed) {
        if (typed == null || typed.length() > MAX_TYPED_LENGTH) {
            return Optional.empty();
        }
        String nickname =
                Normalizer.normalize(typed, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        int length = nickname.codePointCount(0, nickname.length());
        if (length < 1 || length > MAX_LENGTH || nickname.codePoints().anyMatch(Nicknames::hidden)) {
            return Optional.empty();
        }
        return Optional.of(nickname);
    }

    /** Returns the key two nicknames share when people would take them for the same: case and width folded. */
    public static String key(String nickname) {
        return Normalizer.normalize(nickname, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .toUpperCase(Locale.ROOT);
    }

    private static boolean hidden(int codePoint) {
        int type = Character.getType(codePoint);
        // The zero-width joiner stays: emoji sequences need it.
        return type == Character.CONTROL
                || (type == Character.FORMAT && codePoint != 0x200D)
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED;
    }
}
