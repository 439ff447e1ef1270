package dev.pilothouse.core.metrics;

import dev.pilothouse.core.metrics.endpoint.ServiceRef;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What detection found among a cluster's services, best candidates first.
 *
 * @param prometheus   Prometheus services
 * @param alertmanager Alertmanager services
 * @param at           when it ran
 * @param problem      why it could not look everywhere (e.g. services may not be listed), or ""
 */
public record Detection(List<ServiceRef> prometheus, List<ServiceRef> alertmanager, Instant at, String problem) {

    public Detection {
        prometheus = List.copyOf(prometheus);
        alertmanager = List.copyOf(alertmanager);
        Objects.requireNonNull(at, "at");
        problem = problem == null ? "" : problem;
    }

    /** The best candidate of a kind. */
    public Optional<ServiceRef> best(EndpointKind kind) {
        List<ServiceRef> candidates = kind == EndpointKind.PROMETHEUS ? prometheus : alertmanager;
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.getFirst());
    }
}
