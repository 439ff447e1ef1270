package dev.pilothouse.sdk.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One alerting or recording rule.
 *
 * @param name           the alert name or the recorded series' name
 * @param alerting       true for an alerting rule, false for a recording rule
 * @param query          its PromQL expression
 * @param forDuration    how long it must hold before firing (zero for recording rules)
 * @param labels         labels it adds
 * @param annotations    annotations of an alerting rule
 * @param health         how its last evaluation went
 * @param lastError      the last evaluation's error, or ""
 * @param lastEvaluation when it was last evaluated, if reported
 * @param activeAlerts   how many alerts it has pending or firing
 */
public record Rule(String name, boolean alerting, String query, Duration forDuration, Map<String, String> labels,
                   Map<String, String> annotations, RuleHealth health, String lastError,
                   @Nullable Instant lastEvaluation, int activeAlerts) {

    public Rule {
        Objects.requireNonNull(name, "name");
        query = query == null ? "" : query;
        forDuration = forDuration == null ? Duration.ZERO : forDuration;
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        Objects.requireNonNull(health, "health");
        lastError = lastError == null ? "" : lastError;
    }
}
