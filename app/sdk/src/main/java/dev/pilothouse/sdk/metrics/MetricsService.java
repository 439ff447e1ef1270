package dev.pilothouse.sdk.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Queries the Prometheus-compatible endpoint configured or detected for a cluster. */
public interface MetricsService {

    /** Whether metrics are available for the cluster (configured or detected). */
    boolean available(String cluster);

    /** An instant query. Fails with a message naming the endpoint and Prometheus' error. */
    CompletableFuture<List<Sample>> query(String cluster, String promql);

    /** A range query. */
    CompletableFuture<List<Series>> queryRange(String cluster, String promql, Instant start, Instant end, Duration step);

    /** A service for hosts without metrics: nothing is available and every query fails saying so. */
    static MetricsService none() {
        return new MetricsService() {
            @Override
            public boolean available(String cluster) {
                return false;
            }

            @Override
            public CompletableFuture<List<Sample>> query(String cluster, String promql) {
                return CompletableFuture.failedFuture(new IllegalStateException("no Prometheus is configured for " + cluster));
            }

            @Override
            public CompletableFuture<List<Series>> queryRange(String cluster, String promql, Instant start, Instant end,
                                                               Duration step) {
                return CompletableFuture.failedFuture(new IllegalStateException("no Prometheus is configured for " + cluster));
            }
        };
    }
}
