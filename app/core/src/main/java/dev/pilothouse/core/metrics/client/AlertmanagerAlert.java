package dev.pilothouse.core.metrics.client;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert as Alertmanager holds it ({@code /api/v2/alerts}).
 *
 * @param labels       its labels (Prometheus' external labels included)
 * @param annotations  its annotations
 * @param fingerprint  Alertmanager's hash of the labels
 * @param state        {@code active}, {@code suppressed} or {@code unprocessed}
 * @param silencedBy   ids of the silences muting it
 * @param inhibitedBy  fingerprints of the alerts inhibiting it
 * @param startsAt     when it started, if known
 * @param generatorUrl the link to its rule's expression
 * @param receivers    the receivers it is routed to
 */
public record AlertmanagerAlert(Map<String, String> labels, Map<String, String> annotations, String fingerprint,
                                String state, List<String> silencedBy, List<String> inhibitedBy,
                                @Nullable Instant startsAt, String generatorUrl, List<String> receivers) {

    public AlertmanagerAlert {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        fingerprint = fingerprint == null ? "" : fingerprint;
        state = state == null ? "" : state;
        silencedBy = List.copyOf(silencedBy);
        inhibitedBy = List.copyOf(inhibitedBy);
        generatorUrl = generatorUrl == null ? "" : generatorUrl;
        receivers = List.copyOf(receivers);
    }
}
