package dev.pilothouse.sdk.metrics;

import java.util.Locale;
import java.util.Optional;

/**
 * The unit of a metric's values, which decides how a value is written: {@code 45.2%}, {@code 1.5 GiB},
 * {@code 250 ms}, {@code $0.42/h}. Values are scaled to a readable magnitude (KiB, MiB, ... for bytes; µs, ms, s,
 * min, h, d for seconds; k, M, G, T for counts and rates) and written with three significant digits.
 *
 * <p>Charts ask for a {@link Scale} once for the whole axis ({@link #scale(double)}) so that every tick label of an
 * axis uses the same multiple; {@link #format(double)} picks the scale per value, for read-outs and tables.
 */
public enum Unit {

    /** A plain number, never scaled. */
    NONE("none"),
    /** A percentage already in 0..100. */
    PERCENT("percent"),
    /** A ratio in 0..1, shown as a percentage. */
    RATIO("ratio"),
    /** Bytes, scaled in binary multiples (KiB = 1024 B). */
    BYTES("bytes"),
    /** A duration in seconds, shown as µs, ms, s, min, h or d. */
    SECONDS("seconds"),
    /** Power in watts (W, kW, MW). */
    WATTS("watts"),
    /** Temperature in degrees Celsius. */
    CELSIUS("celsius"),
    /** A rate per second (1.2k/s). */
    PER_SECOND("per-second"),
    /** A count, scaled with SI prefixes (k, M, G, T). */
    COUNT("count"),
    /** A cost in dollars per hour ($0.42/h). */
    DOLLARS_PER_HOUR("dollars-per-hour");

    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    private static final String[] SI = {"", "k", "M", "G", "T", "P"};

    private final String id;

    Unit(String id) {
        this.id = id;
    }

    /** The identifier used in settings and panel definitions: {@code bytes}, {@code per-second}. */
    public String id() {
        return id;
    }

    /** The unit with the given {@link #id()}, ignoring case. */
    public static Optional<Unit> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (Unit u : values()) {
            if (u.id.equals(wanted)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /**
     * How values of about this magnitude are written: the divisor to apply and the text around the number. A chart
     * passes the largest absolute value of its axis, so all tick labels share one multiple.
     */
    public Scale scale(double magnitude) {
        double m = Double.isFinite(magnitude) ? Math.abs(magnitude) : 0;
        return switch (this) {
            case NONE -> new Scale(1, "", "");
            case PERCENT -> new Scale(1, "", "%");
            case RATIO -> new Scale(0.01, "", "%");
            case CELSIUS -> new Scale(1, "", " °C");
            case BYTES -> multiple(m, 1024, BINARY, " ", "");
            case WATTS -> multiple(m, 1000, new String[] {"W", "kW", "MW", "GW"}, " ", "");
            case COUNT -> multiple(m, 1000, SI, "", "");
            case PER_SECOND -> multiple(m, 1000, SI, "", "/s");
            case DOLLARS_PER_HOUR -> m >= 1000 ? multiple(m, 1000, SI, "", "/h").withPrefix("$")
                    : new Scale(1, "$", "/h");
            case SECONDS -> seconds(m);
        };
    }

    /** One value, scaled for its own magnitude: {@code 1.5 GiB}. NaN and infinities as Prometheus writes them. */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        Scale scale = scale(value);
        double scaled = value / scale.divisor();
        if (this == DOLLARS_PER_HOUR && scale.divisor() == 1) {
            // Money keeps its cents: $12.50/h, not $12.5/h.
            return scale.label(scaled, 2);
        }
        return scale.prefix() + significant(scaled) + scale.suffix();
    }

    /** Three significant digits without trailing zeros: 1.5, 0.00123, 1234 (never scientific above 1e-6). */
    static String significant(double v) {
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs < 1e-6) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        int decimals = Math.max(0, Math.min(8, 2 - (int) Math.floor(Math.log10(abs))));
        return stripZeros(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        String out = s.substring(0, end);
        return out.equals("-0") ? "0" : out;
    }

    private static Scale multiple(double m, double base, String[] names, String space, String suffix) {
        int i = 0;
        double divisor = 1;
        while (i < names.length - 1 && m >= divisor * base) {
            divisor *= base;
            i++;
        }
        String name = names[i];
        return new Scale(divisor, "", (name.isEmpty() ? "" : space + name) + suffix);
    }

    private static Scale seconds(double m) {
        if (m == 0) {
            return new Scale(1, "", " s");
        }
        if (m < 1e-3) {
            return new Scale(1e-6, "", " µs");
        }
        if (m < 1) {
            return new Scale(1e-3, "", " ms");
        }
        if (m < 60) {
            return new Scale(1, "", " s");
        }
        if (m < 3_600) {
            return new Scale(60, "", " min");
        }
        if (m < 86_400) {
            return new Scale(3_600, "", " h");
        }
        return new Scale(86_400, "", " d");
    }

    /**
     * A multiple of a unit: values are divided by {@code divisor} and written between {@code prefix} and
     * {@code suffix} ({@code $} ... {@code /h}, or ... {@code  GiB}).
     *
     * @param divisor what a raw value is divided by before it is written
     * @param prefix  text before the number
     * @param suffix  text after the number, with its leading space where the unit wants one
     */
    public record Scale(double divisor, String prefix, String suffix) {

        /** A value already divided by {@link #divisor()}, written with a fixed number of decimals (axis labels). */
        public String label(double scaledValue, int decimals) {
            String number = String.format(Locale.ROOT, "%." + Math.max(0, decimals) + "f", scaledValue);
            if (number.startsWith("-") && Double.parseDouble(number) == 0) {
                number = number.substring(1); // -0.0 after rounding reads as a different value
            }
            return prefix + number + suffix;
        }

        Scale withPrefix(String p) {
            return new Scale(divisor, p, suffix);
        }
    }
}
