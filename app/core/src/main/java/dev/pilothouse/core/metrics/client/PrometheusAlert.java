package dev.pilothouse.core.metrics.client;

import dev.pilothouse.sdk.alerts.AlertState;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An active alert as Prometheus evaluates it ({@code /api/v1/alerts}).
 *
 * @param labels      its labels, {@code alertname} included (without the server's external labels)
 * @param annotations its annotations
 * @param state       pending or firing
 * @param activeAt    when it became active, if reported
 * @param value       the expression's value at the last evaluation, as Prometheus prints it
 */
public record PrometheusAlert(Map<String, String> labels, Map<String, String> annotations, AlertState state,
                              @Nullable Instant activeAt, String value) {

    public PrometheusAlert {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        Objects.requireNonNull(state, "state");
        value = value == null ? "" : value;
    }
}
