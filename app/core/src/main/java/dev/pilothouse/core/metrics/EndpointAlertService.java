package dev.pilothouse.core.metrics;

import dev.pilothouse.core.metrics.client.AlertMerger;
import dev.pilothouse.core.metrics.client.AlertmanagerAlert;
import dev.pilothouse.core.metrics.client.PrometheusAlert;
import dev.pilothouse.core.metrics.endpoint.EndpointException;
import dev.pilothouse.sdk.alerts.Alert;
import dev.pilothouse.sdk.alerts.AlertService;
import dev.pilothouse.sdk.alerts.AlertSnapshot;
import dev.pilothouse.sdk.alerts.RuleGroup;
import dev.pilothouse.sdk.alerts.Silence;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's {@link AlertService} on the clusters' Prometheus and Alertmanager. Alerts come from both, merged; when
 * one of them fails the other's alerts are still shown (its status says what is missing), and only when neither
 * answers does the call fail.
 */
final class EndpointAlertService implements AlertService {

    /** One side's answer: absent (no endpoint), a value, or a failure. */
    private record Outcome<T>(boolean present, @Nullable T value, @Nullable Throwable failure) {
        static <T> Outcome<T> absent() {
            return new Outcome<>(false, null, null);
        }

        boolean answered() {
            return present && failure == null;
        }
    }

    private final MetricsEndpoints endpoints;

    EndpointAlertService(MetricsEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public boolean available(String cluster) {
        boolean prometheus = endpoints.available(cluster, EndpointKind.PROMETHEUS);
        boolean alertmanager = endpoints.available(cluster, EndpointKind.ALERTMANAGER);
        return prometheus || alertmanager;
    }

    @Override
    public boolean alertmanagerAvailable(String cluster) {
        return endpoints.available(cluster, EndpointKind.ALERTMANAGER);
    }

    @Override
    public CompletableFuture<List<Alert>> alerts(String cluster) {
        return snapshot(cluster).thenApply(AlertSnapshot::alerts);
    }

    @Override
    public CompletableFuture<AlertSnapshot> snapshot(String cluster) {
        CompletableFuture<Outcome<List<PrometheusAlert>>> fromPrometheus = endpoints.prometheus(cluster)
                .thenCompose(client -> client.isEmpty() ? CompletableFuture.completedFuture(Outcome.absent())
                        : client.get().alerts().handle((v, e) -> new Outcome<>(true, v, e)));
        CompletableFuture<Outcome<List<AlertmanagerAlert>>> fromAlertmanager = endpoints.alertmanager(cluster)
                .thenCompose(client -> client.isEmpty() ? CompletableFuture.completedFuture(Outcome.absent())
                        : client.get().alerts().handle((v, e) -> new Outcome<>(true, v, e)));
        return fromPrometheus.thenCombine(fromAlertmanager, (p, a) -> {
            if (!p.present() && !a.present()) {
                throw EndpointException.notConfigured("no Prometheus or Alertmanager is configured for " + cluster);
            }
            if (!p.answered() && !a.answered()) {
                Throwable first = p.present() ? p.failure() : a.failure();
                RuntimeException failure = asRuntime(first);
                if (p.present() && a.present() && a.failure() != null) {
                    failure.addSuppressed(a.failure());
                }
                throw failure;
            }
            List<String> problems = new ArrayList<>();
            if (p.present() && !p.answered()) {
                problems.add("Prometheus did not answer (" + messageOf(p.failure())
                        + "); showing Alertmanager's alerts only, so pending alerts are missing");
            }
            if (a.present() && !a.answered()) {
                problems.add("Alertmanager did not answer (" + messageOf(a.failure())
                        + "); silences and inhibitions are not shown");
            }
            return new AlertSnapshot(AlertMerger.merge(cluster, p.answered() ? p.value() : List.of(),
                    a.answered() ? a.value() : List.of()), problems);
        });
    }

    private static String messageOf(@Nullable Throwable failure) {
        Throwable t = failure;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t == null ? "unknown error" : String.valueOf(t.getMessage());
    }

    @Override
    public CompletableFuture<List<RuleGroup>> rules(String cluster) {
        return endpoints.prometheus(cluster).thenCompose(client -> client
                .map(c -> c.rules(cluster))
                .orElseGet(() -> CompletableFuture.failedFuture(
                        endpoints.notConfigured(cluster, EndpointKind.PROMETHEUS))));
    }

    @Override
    public CompletableFuture<List<Silence>> silences(String cluster) {
        return endpoints.alertmanager(cluster).thenCompose(client -> client
                .map(c -> c.silences(cluster))
                .orElseGet(() -> CompletableFuture.failedFuture(
                        endpoints.notConfigured(cluster, EndpointKind.ALERTMANAGER))));
    }

    private static RuntimeException asRuntime(@Nullable Throwable t) {
        EndpointException known = t == null ? null : EndpointException.unwrap(t);
        if (known != null) {
            return known;
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }
}
