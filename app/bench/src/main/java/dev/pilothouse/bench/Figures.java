package dev.pilothouse.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Prints figures as {@code name value unit} lines on stdout (diagnostics go to stderr) and small statistics. */
final class Figures {

    private Figures() {
    }

    /** One figure line. */
    static void print(String name, double value, String unit) {
        System.out.println(name + " " + format(value) + " " + unit);
        System.out.flush();
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "NaN";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        double abs = Math.abs(value);
        String pattern = abs >= 100 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** A diagnostic line on stderr. */
    static void note(String format, Object... args) {
        System.err.println("[bench] " + String.format(Locale.ROOT, format, args));
        System.err.flush();
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The nearest-rank percentile (p in 0..100) of the first {@code count} values; NaN when empty. */
    static double percentile(long[] values, int count, double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static double millis(double nanos) {
        return nanos / 1e6;
    }
}
