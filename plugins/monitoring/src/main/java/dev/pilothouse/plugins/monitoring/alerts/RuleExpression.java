package dev.pilothouse.plugins.monitoring.alerts;

import java.util.Optional;

/**
 * What to chart for an alerting rule. Most rules compare a measurement with a constant ({@code x > 0.9}); their
 * expression only returns samples while the condition holds, so charting it shows nothing of how the value got
 * there. When the expression ends in such a comparison at the top level, the chart shows the measurement and draws
 * the constant as a threshold. Anything else (an {@code and}/{@code unless}, a comparison of two series) is charted
 * as written.
 *
 * @param measured  the PromQL to chart
 * @param operator  the comparison ({@code >}, {@code >=}, {@code <}, {@code <=}, {@code ==}, {@code !=}), or ""
 * @param threshold the constant it is compared with, when there is one
 */
record RuleExpression(String measured, String operator, Optional<Double> threshold) {

    private static final String[] OPERATORS = {">=", "<=", "==", "!=", ">", "<"};

    /** Splits {@code query} at a top-level comparison with a number on its right, if it ends in one. */
    static RuleExpression of(String query) {
        String q = query.strip();
        int depth = 0;
        char quote = 0;
        int split = -1;
        String op = "";
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '"', '\'', '`' -> quote = c;
                case '(', '{', '[' -> depth++;
                case ')', '}', ']' -> depth--;
                default -> {
                    if (depth == 0 && startsSetOperator(q, i)) {
                        // "a > 1 and b < 2": no single measurement to chart.
                        return new RuleExpression(q, "", Optional.empty());
                    }
                    if (depth == 0) {
                        String found = operatorAt(q, i);
                        if (found != null) {
                            split = i;
                            op = found;
                            i += found.length() - 1;
                        }
                    }
                }
            }
        }
        if (split <= 0) {
            return new RuleExpression(q, "", Optional.empty());
        }
        String right = q.substring(split + op.length()).strip();
        if (right.regionMatches(true, 0, "bool", 0, 4)) {
            right = right.substring(4).strip();
        }
        Optional<Double> number = number(right);
        if (number.isEmpty()) {
            return new RuleExpression(q, "", Optional.empty());
        }
        return new RuleExpression(q.substring(0, split).strip(), op, number);
    }

    /** The comparison operator starting at {@code i}, or null; {@code =~} and {@code !~} only occur in braces. */
    private static String operatorAt(String q, int i) {
        for (String op : OPERATORS) {
            if (q.startsWith(op, i)) {
                return op;
            }
        }
        return null;
    }

    private static boolean startsSetOperator(String q, int i) {
        if (i > 0 && isWordChar(q.charAt(i - 1))) {
            return false;
        }
        for (String word : new String[] {"and", "or", "unless"}) {
            int end = i + word.length();
            if (q.regionMatches(true, i, word, 0, word.length()) && end < q.length() && !isWordChar(q.charAt(end))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }

    private static Optional<Double> number(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The threshold's label, e.g. "> 0.9". */
    String thresholdLabel() {
        return threshold.map(t -> operator + " " + format(t)).orElse("");
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
