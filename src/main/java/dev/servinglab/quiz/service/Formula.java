package dev.servinglab.quiz.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Computes a number from the generated inputs of a question: its answer, a value its worked solution shows, or
 * the condition a drawn problem must meet. Written in a small arithmetic language that a quiz author reads at a
 * glance: numbers, input names, {@code + - * / ^}, parentheses, comparisons ({@code < <= > >= == !=}, giving 1 or
 * 0) and the functions {@code min max abs sqrt ln exp floor ceil round(x[, digits]) if(condition, then, else)}.
 *
 * @param text   the formula as written
 * @param names  the input names it reads
 * @param action what computes it
 */
public record Formula(String text, Set<String> names, ToDoubleFunction<Map<String, Double>> action) {

    /**
     * Reads a formula.
     *
     * @throws IllegalArgumentException naming what is wrong and where, for a formula that cannot be read
     */
    public static Formula parse(String text) {
        Reader reader = new Reader(text);
        ToDoubleFunction<Map<String, Double>> action = reader.expression();
        reader.skipSpaces();
        if (reader.pos < text.length()) {
            throw reader.error("unexpected '" + text.charAt(reader.pos) + "'");
        }
        return new Formula(text, Set.copyOf(reader.names), action);
    }

    /** Computes the formula for the given inputs, every name it reads among them. */
    public double apply(Map<String, Double> inputs) {
        return action.applyAsDouble(inputs);
    }

    /** Reads a formula by recursive descent, one precedence level per method. */
    private static final class Reader {

        private final String text;
        private final Set<String> names = new TreeSet<>();
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException("formula '" + text + "', at character " + (pos + 1) + ": " + message);
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(String token) {
            skipSpaces();
            if (text.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        ToDoubleFunction<Map<String, Double>> expression() {
            ToDoubleFunction<Map<String, Double>> left = sum();
            // Two-character operators first, so that "<=" is not read as "<" then "=".
            for (String op : List.of("<=", ">=", "==", "!=", "<", ">")) {
                if (eat(op)) {
                    ToDoubleFunction<Map<String, Double>> right = sum();
                    return compare(op, left, right);
                }
            }
            return left;
        }

        private static ToDoubleFunction<Map<String, Double>> compare(
                String op, ToDoubleFunction<Map<String, Double>> l, ToDoubleFunction<Map<String, Double>> r) {
            return switch (op) {
                case "<=" -> v -> l.applyAsDouble(v) <= r.applyAsDouble(v) ? 1 : 0;
                case ">=" -> v -> l.applyAsDouble(v) >= r.applyAsDouble(v) ? 1 : 0;
                case "==" -> v -> l.applyAsDouble(v) == r.applyAsDouble(v) ? 1 : 0;
                case "!=" -> v -> l.applyAsDouble(v) != r.applyAsDouble(v) ? 1 : 0;
                case "<" -> v -> l.applyAsDouble(v) < r.applyAsDouble(v) ? 1 : 0;
                default -> v -> l.applyAsDouble(v) > r.applyAsDouble(v) ? 1 : 0;
            };
        }

        ToDoubleFunction<Map<String, Double>> sum() {
            ToDoubleFunction<Map<String, Double>> result = product();
            while (true) {
                ToDoubleFunction<Map<String, Double>> left = result;
                if (eat("+")) {
                    ToDoubleFunction<Map<String, Double>> right = product();
                    result = v -> left.applyAsDouble(v) + right.applyAsDouble(v);
                } else if (eat("-")) {
                    ToDoubleFunction<Map<String, Double>> right = product();
                    result = v -> left.applyAsDouble(v) - right.applyAsDouble(v);
                } else {
                    return result;
                }
            }
        }

        ToDoubleFunction<Map<String, Double>> product() {
            ToDoubleFunction<Map<String, Double>> result = unary();
            while (true) {
                ToDoubleFunction<Map<String, Double>> left = result;
                if (eat("*")) {
                    ToDoubleFunction<Map<String, Double>> right = unary();
                    result = v -> left.applyAsDouble(v) * right.applyAsDouble(v);
                } else if (eat("/")) {
                    ToDoubleFunction<Map<String, Double>> right = unary();
                    result = v -> left.applyAsDouble(v) / right.applyAsDouble(v);
                } else {
                    return result;
                }
            }
        }

        ToDoubleFunction<Map<String, Double>> unary() {
            if (eat("-")) {
                ToDoubleFunction<Map<String, Double>> operand = unary();
                return v -> -operand.applyAsDouble(v);
            }
            ToDoubleFunction<Map<String, Double>> base = atom();
            if (eat("^")) {
                ToDoubleFunction<Map<String, Double>> exponent = unary();
                return v -> Math.pow(base.applyAsDouble(v), exponent.applyAsDouble(v));
            }
            return base;
        }

        ToDoubleFunction<Map<String, Double>> atom() {
            skipSpaces();
            if (eat("(")) {
                ToDoubleFunction<Map<String, Double>> inner = expression();
                if (!eat(")")) {
                    throw error("a ')' is missing");
                }
                return inner;
            }
            int start = pos;
            if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                    pos++;
                }
                double number;
                try {
                    number = Double.parseDouble(text.substring(start, pos));
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("not a number");
                }
                return v -> number;
            }
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error(pos < text.length() ? "unexpected '" + text.charAt(pos) + "'" : "the formula ends early");
            }
            String name = text.substring(start, pos);
            if (eat("(")) {
                return function(name, arguments());
            }
            names.add(name);
            return v -> v.get(name);
        }

        private List<ToDoubleFunction<Map<String, Double>>> arguments() {
            List<ToDoubleFunction<Map<String, Double>>> args = new ArrayList<>();
            if (eat(")")) {
                return args;
            }
            do {
                args.add(expression());
            } while (eat(","));
            if (!eat(")")) {
                throw error("a ')' is missing after the arguments");
            }
            return args;
        }

        private ToDoubleFunction<Map<String, Double>> function(
                String name, List<ToDoubleFunction<Map<String, Double>>> a) {
            int arity = switch (name) {
                case "min", "max" -> a.size() >= 2 ? a.size() : 2;
                case "round" -> a.size() == 2 ? 2 : 1;
                case "if" -> 3;
                case "abs", "sqrt", "ln", "exp", "floor", "ceil" -> 1;
                default -> throw error("unknown function '" + name + "'");
            };
            if (a.size() != arity) {
                throw error(name + "() takes " + arity + " argument" + (arity == 1 ? "" : "s"));
            }
            return switch (name) {
                case "min" ->
                    v -> a.stream().mapToDouble(f -> f.applyAsDouble(v)).min().orElseThrow();
                case "max" ->
                    v -> a.stream().mapToDouble(f -> f.applyAsDouble(v)).max().orElseThrow();
                case "round" ->
                    a.size() == 1
                            ? v -> Math.round(a.get(0).applyAsDouble(v))
                            : v -> round(a.get(0).applyAsDouble(v), a.get(1).applyAsDouble(v));
                case "if" ->
                    v -> a.get(0).applyAsDouble(v) != 0
                            ? a.get(1).applyAsDouble(v)
                            : a.get(2).applyAsDouble(v);
                case "abs" -> v -> Math.abs(a.get(0).applyAsDouble(v));
                case "sqrt" -> v -> Math.sqrt(a.get(0).applyAsDouble(v));
                case "ln" -> v -> Math.log(a.get(0).applyAsDouble(v));
                case "exp" -> v -> Math.exp(a.get(0).applyAsDouble(v));
                case "floor" -> v -> Math.floor(a.get(0).applyAsDouble(v));
                default -> v -> Math.ceil(a.get(0).applyAsDouble(v));
            };
        }

        private static double round(double x, double digits) {
            double scale = Math.pow(10, digits);
            return Math.round(x * scale) / scale;
        }
    }
}
