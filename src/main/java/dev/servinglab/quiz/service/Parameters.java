package dev.servinglab.quiz.service;

import dev.servinglab.web.format.Numbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the problems of a parametrised numeric question: inputs drawn from their ranges by a seed (the
 * variant), the prompt and worked solution written with them, and the answer computed from them. One variant is
 * one problem, the same every time, so the server grades an answer with the inputs its variant names; a retry
 * moves to the next variant, a new problem.
 *
 * @param inputs      the inputs by name, in the order they are drawn
 * @param constants   the live values its formulas read besides the inputs, by name
 * @param condition   what a drawn problem must meet (non-zero), or {@code null} for every draw
 * @param answer      the answer
 * @param prompt      the prompt, with {@code {name}} and {@code {=formula}} placeholders
 * @param explanation the worked solution, with the same placeholders
 */
public record Parameters(
        Map<String, Range> inputs,
        Map<String, Double> constants,
        Formula condition,
        Formula answer,
        String prompt,
        String explanation) {

    /** Draws before a condition that never holds is reported; the parser checks every served variant meets it. */
    static final int MAX_DRAWS = 1000;

    /** The formulas of the placeholders, read once: a page draws every learner's problems from them. */
    private static final Map<String, Formula> FORMULAS = new ConcurrentHashMap<>();

    /** The placeholders of a text: an input's name, or {@code =formula} with an optional {@code |digits}. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(=[^{}|]+(?:\\|[0-9])?|[a-z_][a-z0-9_]*)}");

    /**
     * Holds the values an input takes: {@code min}, {@code min + step}, … up to {@code max}.
     *
     * @param min  the smallest value
     * @param max  the largest value
     * @param step the distance between two values
     */
    public record Range(double min, double max, double step) {

        /** Returns how many values the input takes. */
        public int count() {
            return (int) Math.floor((max - min) / step + 1e-9) + 1;
        }

        double draw(SplittableRandom random) {
            // Rounded to the step's decimals, so that 0.1 + 3 × 0.1 shows as 0.4 and not 0.4000000000000001.
            double value = min + step * random.nextInt(count());
            return BigDecimal.valueOf(value)
                    .setScale(decimals(step) + decimals(min), RoundingMode.HALF_UP)
                    .doubleValue();
        }

        private static int decimals(double x) {
            return Math.max(0, BigDecimal.valueOf(x).stripTrailingZeros().scale());
        }
    }

    /**
     * Holds one problem: its inputs, the prompt and worked solution written with them, and its answer.
     *
     * @param id          the variant that draws it
     * @param values      the inputs
     * @param prompt      the prompt
     * @param answer      the answer
     * @param explanation the worked solution
     */
    public record Variant(int id, Map<String, Double> values, String prompt, double answer, String explanation) {}

    /**
     * Draws the problem of a variant.
     *
     * @param question the question's id, so that two questions draw different problems from the same variant
     * @throws IllegalStateException if no draw meets the condition
     */
    public Variant variant(String question, int id) {
        SplittableRandom random = new SplittableRandom(mix(question.hashCode() * 0x9E3779B97F4A7C15L + id));
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            Map<String, Double> values = new LinkedHashMap<>(constants);
            inputs.forEach((name, range) -> values.put(name, range.draw(random)));
            if (condition == null || condition.apply(values) != 0) {
                return new Variant(
                        id,
                        Map.copyOf(values),
                        write(prompt, values),
                        answer.apply(values),
                        write(explanation, values));
            }
        }
        throw new IllegalStateException(
                "no draw of " + MAX_DRAWS + " meets the condition '" + condition.text() + "' (variant " + id + ")");
    }

    /** Returns the variant a retry after the given one gets: a new problem, the same for every learner there. */
    public static int next(String question, int id) {
        return nonNegative(mix(question.hashCode() + 31L * id + 0x632BE59BD9B4E019L));
    }

    /** Returns the first variant of a learner, from their key. */
    public static int first(String learnerKey, String quiz, String question) {
        return nonNegative(mix(Shuffle.seed(learnerKey, quiz, question) ^ 0x5851F42D4C957F2DL));
    }

    /** Returns the names of the placeholders in a text ({@code =formula} ones with their formula). */
    static List<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(r -> r.group(1)).toList();
    }

    private static String write(String text, Map<String, Double> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inside = m.group(1);
            String value;
            if (inside.startsWith("=")) {
                String[] parts = inside.substring(1).split("\\|");
                double x = FORMULAS.computeIfAbsent(parts[0], Formula::parse).apply(values);
                value = parts.length == 2 ? fixed(x, Integer.parseInt(parts[1])) : plain(x);
            } else {
                value = plain(values.get(inside));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Writes a number as the quizzes do: whole numbers with thousands separators, others to three decimals. */
    static String plain(double x) {
        if (Numbers.isWhole(x)) {
            return Numbers.whole(x);
        }
        return BigDecimal.valueOf(x)
                .setScale(3, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String fixed(double x, int digits) {
        return BigDecimal.valueOf(x).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }

    private static int nonNegative(long x) {
        return (int) (x >>> 33);
    }

    /** Mixes the bits of a seed (SplitMix64's finaliser), so that nearby seeds give unrelated numbers. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
