package dev.pilothouse.core.metrics;

import java.time.Duration;

/**
 * Hears of every request to a cluster's Prometheus or Alertmanager once it is answered or has failed, for the
 * console's own metrics. Called on the threads that complete requests: must be quick and must not throw.
 */
@FunctionalInterface
public interface RequestObserver {

    /** Observes nothing: the default, so the endpoints work the same without metrics. */
    RequestObserver NONE = (cluster, kind, took, succeeded) -> { };

    /**
     * @param took      from sending the request to its answer or failure
     * @param succeeded whether the endpoint worked (the same judgement as its {@link EndpointStatus})
     */
    void answered(String cluster, EndpointKind kind, Duration took, boolean succeeded);
}
