package dev.pilothouse.sdk.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One active alert of one cluster, as Prometheus evaluates it and Alertmanager routes it. An alert seen by both is
 * merged into one: Prometheus gives the state and value, Alertmanager the silences and inhibitions.
 *
 * @param cluster      the context it belongs to
 * @param labels       its identifying labels, {@code alertname} included
 * @param annotations  summary, description, runbook_url and so on
 * @param state        firing or pending
 * @param activeAt     when it became active (pending or firing), if known
 * @param value        the expression's value when last evaluated, as Prometheus prints it ("" if unknown)
 * @param fingerprint  Alertmanager's fingerprint, or a stable hash of the labels when Alertmanager does not know it
 * @param generatorUrl a link to the rule's expression in Prometheus ("" if unknown)
 * @param silencedBy   ids of the silences that mute it
 * @param inhibitedBy  fingerprints of the alerts that inhibit it
 */
public record Alert(String cluster, Map<String, String> labels, Map<String, String> annotations, AlertState state,
                    @Nullable Instant activeAt, String value, String fingerprint, String generatorUrl,
                    List<String> silencedBy, List<String> inhibitedBy) {

    public Alert {
        Objects.requireNonNull(cluster, "cluster");
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        Objects.requireNonNull(state, "state");
        value = value == null ? "" : value;
        fingerprint = fingerprint == null ? "" : fingerprint;
        generatorUrl = generatorUrl == null ? "" : generatorUrl;
        silencedBy = List.copyOf(silencedBy);
        inhibitedBy = List.copyOf(inhibitedBy);
    }

    /** The {@code alertname} label. */
    public String name() {
        return labels.getOrDefault("alertname", "");
    }

    /** The {@code severity} label, interpreted. */
    public Severity severity() {
        return Severity.of(labels.get("severity"));
    }

    /** The {@code namespace} label, or "". */
    public String namespace() {
        return labels.getOrDefault("namespace", "");
    }

    /** The {@code summary} annotation, else {@code description}, else "". */
    public String summary() {
        String summary = annotations.getOrDefault("summary", "");
        return summary.isBlank() ? annotations.getOrDefault("description", "") : summary;
    }

    /** The {@code runbook_url} annotation, or "". */
    public String runbookUrl() {
        return annotations.getOrDefault("runbook_url", "");
    }

    /** Whether a silence or an inhibition suppresses its notifications. */
    public boolean suppressed() {
        return !silencedBy.isEmpty() || !inhibitedBy.isEmpty();
    }
}
