package dev.pilothouse.sdk.ui.kit.chart;

/**
 * "Nice" ticks for a value axis: a step of 1, 2, 2.5 or 5 times a power of ten, and bounds widened to whole steps,
 * so labels read 0, 25, 50, 75 rather than 3.7, 27.1, 50.5.
 *
 * @param min  the first tick (at or below the data's minimum)
 * @param max  the last tick (at or above the data's maximum)
 * @param step the distance between ticks (positive)
 */
public record ValueTicks(double min, double max, double step) {

    public ValueTicks {
        if (!(step > 0) || !Double.isFinite(step) || !Double.isFinite(min) || !(max >= min)) {
            throw new IllegalArgumentException("invalid ticks " + min + ".." + max + " step " + step);
        }
    }

    /**
     * Ticks covering {@code low..high} with at most about {@code maxTicks} intervals. A range of one value is widened
     * around it (to 0..1 for zero); non-finite bounds give 0..1.
     */
    public static ValueTicks of(double low, double high, int maxTicks) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            low = 0;
            high = 1;
        }
        if (low > high) {
            double t = low;
            low = high;
            high = t;
        }
        // Keeps high - low finite for any finite input.
        low = Math.max(low, -1e300);
        high = Math.min(high, 1e300);
        if (high - low <= Math.ulp(Math.max(Math.abs(low), Math.abs(high))) * 4) {
            double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
            low = low == 0 ? 0 : low - pad;
            high = high + pad;
        }
        int intervals = Math.max(1, maxTicks);
        double step = niceStep((high - low) / intervals);
        double min = Math.floor(low / step) * step;
        double max = Math.ceil(high / step) * step;
        if (max - min < step) {
            max = min + step;
        }
        return new ValueTicks(min, max, step);
    }

    /** The smallest of 1, 2, 2.5, 5, 10 times a power of ten that is at least {@code rough}. */
    static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double residual = rough / magnitude;
        double nice;
        if (residual <= 1) {
            nice = 1;
        } else if (residual <= 2) {
            nice = 2;
        } else if (residual <= 2.5) {
            nice = 2.5;
        } else if (residual <= 5) {
            nice = 5;
        } else {
            nice = 10;
        }
        return nice * magnitude;
    }

    /** The number of ticks, both ends included. */
    public int count() {
        return (int) Math.min(1_000, Math.round((max - min) / step) + 1);
    }

    /** Tick {@code i} (0 is {@link #min()}), computed from the step so errors do not accumulate. */
    public double value(int i) {
        return min + i * step;
    }

    /** How many decimals every label needs to tell neighbouring ticks apart (2.5 steps need one more). */
    public int decimals() {
        int exponent = (int) Math.floor(Math.log10(step) + 1e-9);
        int d = Math.max(0, -exponent);
        double leading = step / Math.pow(10, exponent);
        if (exponent <= 0 && Math.abs(leading - 2.5) < 1e-6) {
            d++;
        }
        return d;
    }
}
