package dev.pilothouse.sdk.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/** Queries the Prometheus-compatible endpoint configured or detected for a cluster. */
public interface MetricsService {

    /** What a metric name may be. */
    Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    /** Whether metrics are available for the cluster (configured or detected). */
    boolean available(String cluster);

    /** An instant query. Fails with a message naming the endpoint and Prometheus' error. */
    CompletableFuture<List<Sample>> query(String cluster, String promql);

    /** A range query. */
    CompletableFuture<List<Series>> queryRange(String cluster, String promql, Instant start, Instant end, Duration step);

    /**
     * Which of these metric names have series now, in one query; views use it to draw only the panels whose data
     * exists (DCGM, vLLM, OpenCost...). Names must be plain metric names ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}).
     */
    default CompletableFuture<Set<String>> existingMetrics(String cluster, Collection<String> metricNames) {
        if (metricNames.isEmpty()) {
            return CompletableFuture.completedFuture(Set.of());
        }
        for (String name : metricNames) {
            if (!METRIC_NAME.matcher(name).matches()) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("not a metric name: " + name));
            }
        }
        // Metric names hold no regular-expression metacharacters, so they can be alternatives as they are.
        String promql = "count by (__name__) ({__name__=~\"" + String.join("|", new TreeSet<>(metricNames)) + "\"})";
        return query(cluster, promql).thenApply(samples -> {
            Set<String> found = new TreeSet<>();
            samples.forEach(s -> found.add(s.labels().getOrDefault("__name__", "")));
            found.retainAll(Set.copyOf(metricNames));
            return Set.copyOf(found);
        });
    }

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
