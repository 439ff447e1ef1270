package dev.pilothouse.sdk.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * One value of an instant query.
 *
 * @param labels the series labels
 * @param time   evaluation time
 * @param value  the value ({@code NaN} and infinities as Prometheus reports them)
 */
public record Sample(Map<String, String> labels, Instant time, double value) {

    public Sample {
        labels = Map.copyOf(labels);
    }
}
