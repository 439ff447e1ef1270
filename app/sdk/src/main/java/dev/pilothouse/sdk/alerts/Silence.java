package dev.pilothouse.sdk.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An Alertmanager silence.
 *
 * @param cluster   the context whose Alertmanager holds it
 * @param id        its id
 * @param matchers  the labels it mutes
 * @param startsAt  when it starts
 * @param endsAt    when it ends
 * @param createdBy who created it
 * @param comment   why
 * @param state     active, pending or expired
 */
public record Silence(String cluster, String id, List<Matcher> matchers, Instant startsAt, Instant endsAt,
                      String createdBy, String comment, State state) {

    /** Alertmanager's silence states. */
    public enum State {
        ACTIVE, PENDING, EXPIRED
    }

    public Silence {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(id, "id");
        matchers = List.copyOf(matchers);
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        createdBy = createdBy == null ? "" : createdBy;
        comment = comment == null ? "" : comment;
        Objects.requireNonNull(state, "state");
    }

    /** Whether every matcher accepts a label set. */
    public boolean matches(Map<String, String> labels) {
        return matchers.stream().allMatch(m -> m.matches(labels));
    }
}
