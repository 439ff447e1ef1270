package dev.pilothouse.core.metrics;

import dev.pilothouse.sdk.metrics.MetricsService;
import dev.pilothouse.sdk.metrics.Sample;
import dev.pilothouse.sdk.metrics.Series;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The SDK's {@link MetricsService} on the clusters' Prometheus endpoints. */
final class EndpointMetricsService implements MetricsService {

    private final MetricsEndpoints endpoints;

    EndpointMetricsService(MetricsEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public boolean available(String cluster) {
        return endpoints.available(cluster, EndpointKind.PROMETHEUS);
    }

    @Override
    public CompletableFuture<List<Sample>> query(String cluster, String promql) {
        return endpoints.prometheus(cluster).thenCompose(client -> client
                .map(c -> c.query(promql, null))
                .orElseGet(() -> CompletableFuture.failedFuture(
                        endpoints.notConfigured(cluster, EndpointKind.PROMETHEUS))));
    }

    @Override
    public CompletableFuture<List<Series>> queryRange(String cluster, String promql, Instant start, Instant end,
                                                      Duration step) {
        return endpoints.prometheus(cluster).thenCompose(client -> client
                .map(c -> c.queryRange(promql, start, end, step))
                .orElseGet(() -> CompletableFuture.failedFuture(
                        endpoints.notConfigured(cluster, EndpointKind.PROMETHEUS))));
    }
}
