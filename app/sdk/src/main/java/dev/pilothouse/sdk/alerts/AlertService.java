package dev.pilothouse.sdk.alerts;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Alerts, rules and silences of each cluster. Reads only: silences are created and expired by actions (an
 * {@link dev.pilothouse.sdk.action.Mutation.HttpCall} to the {@code alertmanager} service), so that they pass the
 * action engine like every other change.
 */
public interface AlertService {

    /** Whether the cluster has a Prometheus or an Alertmanager configured or detected. */
    boolean available(String cluster);

    /** Whether the cluster has an Alertmanager, which silences need. */
    boolean alertmanagerAvailable(String cluster);

    /**
     * The cluster's pending and firing alerts: Prometheus' alerts merged with Alertmanager's (which add silences and
     * inhibitions, and alerts from other sources). Fails with a message naming the endpoint when neither answers.
     */
    CompletableFuture<List<Alert>> alerts(String cluster);

    /**
     * As {@link #alerts}, saying which source did not answer when only one did. Views that show alerts use this,
     * so that a dead Prometheus behind a live Alertmanager is shown as such rather than as fewer alerts.
     */
    default CompletableFuture<AlertSnapshot> snapshot(String cluster) {
        return alerts(cluster).thenApply(alerts -> new AlertSnapshot(alerts, List.of()));
    }

    /** The cluster's rule groups from Prometheus. */
    CompletableFuture<List<RuleGroup>> rules(String cluster);

    /** The cluster's silences from Alertmanager, expired ones included. */
    CompletableFuture<List<Silence>> silences(String cluster);

    /** A service for hosts without alerting: nothing is available and every call fails saying so. */
    static AlertService none() {
        return new AlertService() {
            @Override
            public boolean available(String cluster) {
                return false;
            }

            @Override
            public boolean alertmanagerAvailable(String cluster) {
                return false;
            }

            @Override
            public CompletableFuture<List<Alert>> alerts(String cluster) {
                return CompletableFuture.failedFuture(new IllegalStateException("no Prometheus is configured for " + cluster));
            }

            @Override
            public CompletableFuture<List<RuleGroup>> rules(String cluster) {
                return CompletableFuture.failedFuture(new IllegalStateException("no Prometheus is configured for " + cluster));
            }

            @Override
            public CompletableFuture<List<Silence>> silences(String cluster) {
                return CompletableFuture.failedFuture(new IllegalStateException("no Alertmanager is configured for " + cluster));
            }
        };
    }
}
