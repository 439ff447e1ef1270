package dev.pilothouse.plugins.mlworkloads.models.serving;

import dev.pilothouse.sdk.metrics.MetricsService;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the serving figures of one cluster: one query asks which metric families exist, then only their queries
 * run. A query that fails leaves its measure empty rather than failing the rest.
 */
public final class ServingPoller {

    private final MetricsService metrics;
    private final List<ServingQuery> queries;

    public ServingPoller(MetricsService metrics, List<ServingQuery> queries) {
        this.metrics = metrics;
        this.queries = List.copyOf(queries);
    }

    /** The figures now; fails only when the existence check fails (Prometheus unreachable). */
    public CompletableFuture<ServingFigures> poll(String cluster) {
        if (!metrics.available(cluster)) {
            return CompletableFuture.completedFuture(ServingFigures.NONE);
        }
        return metrics.existingMetrics(cluster, ServingQueries.metricNames(queries)).thenCompose(existing -> {
            List<CompletableFuture<ServingFigures.Answer>> answers = new ArrayList<>();
            for (ServingQuery q : runnable(existing)) {
                answers.add(metrics.query(cluster, q.forAll())
                        .thenApply(samples -> new ServingFigures.Answer(q, samples))
                        .exceptionally(e -> new ServingFigures.Answer(q, List.of())));
            }
            return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                    .thenApply(done -> new ServingFigures(answers.stream().map(CompletableFuture::join).toList()));
        });
    }

    private List<ServingQuery> runnable(Set<String> existing) {
        return queries.stream().filter(q -> existing.containsAll(q.requires())).toList();
    }
}
