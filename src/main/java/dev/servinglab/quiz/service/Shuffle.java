package dev.servinglab.quiz.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Orders the options of a question for one learner: a permutation drawn from the learner's key, the quiz and the
 * question, so that it stays the same across reloads and differs between learners and questions. Only the order
 * shown changes: an option keeps its index in the quiz file, which the grader, the workshop reports and the
 * dashboard use.
 */
public final class Shuffle {

    private Shuffle() {}

    /**
     * Returns the option indexes in the order this learner sees them.
     *
     * @param learnerKey the learner's key; {@code null} keeps the file's order (a client that sent no key)
     */
    public static List<Integer> order(String learnerKey, String quiz, String question, int options) {
        List<Integer> order = new ArrayList<>(options);
        for (int i = 0; i < options; i++) {
            order.add(i);
        }
        if (learnerKey == null) {
            return order;
        }
        SplittableRandom random = new SplittableRandom(seed(learnerKey, quiz, question));
        // Fisher-Yates: every order equally likely.
        for (int i = options - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            order.set(i, order.set(j, order.get(i)));
        }
        return List.copyOf(order);
    }

    /** Returns a seed from a learner's key, a quiz and a question: 64 bits of their SHA-256. */
    static long seed(String learnerKey, String quiz, String question) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((learnerKey + '\n' + quiz + '\n' + question).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
