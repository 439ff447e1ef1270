package dev.pilothouse.plugins.monitoring.alerts;

import dev.pilothouse.sdk.alerts.Alert;
import dev.pilothouse.sdk.alerts.AlertService;
import dev.pilothouse.sdk.alerts.AlertSnapshot;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Polls the alerts of every cluster that has alerting, while a view is shown. A cluster whose Prometheus stops
 * answering keeps its last alerts, marked stale since the last good answer, so a dead server never looks like a
 * quiet night. Results are delivered on the FX thread.
 */
final class AlertsFeed {

    /** What the feed knows of one cluster. */
    record ClusterAlerts(String cluster, List<Alert> alerts, List<AlertGroup> groups, Instant lastSuccess, String error,
                         List<String> partial) {
        /** Nothing answered: the alerts are the last ones read. */
        boolean stale() {
            return !error.isEmpty();
        }
    }

    /** One thread groups answers, in order: grouping is quick, and answers rarely come faster than it. */
    private static final java.util.concurrent.Executor GROUPING = java.util.concurrent.Executors
            .newSingleThreadExecutor(Thread.ofPlatform().daemon(true).name("alerts-grouping").factory());

    private record Grouped(AlertSnapshot snapshot, List<AlertGroup> groups) {
    }

    private final AlertService service;
    private final Supplier<List<String>> clusters;
    private final Consumer<List<ClusterAlerts>> onUpdate;
    private final Clock clock;
    private final Map<String, ClusterAlerts> state = new LinkedHashMap<>();
    private final Timeline timer;
    private int generation;

    AlertsFeed(AlertService service, Supplier<List<String>> clusters, Consumer<List<ClusterAlerts>> onUpdate,
               java.time.Duration interval, Clock clock) {
        this.service = service;
        this.clusters = clusters;
        this.onUpdate = onUpdate;
        this.clock = clock;
        this.timer = new Timeline(new KeyFrame(Duration.millis(interval.toMillis()), e -> refresh()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    void start() {
        refresh();
        timer.play();
    }

    void stop() {
        timer.stop();
        generation++; // answers still in flight are dropped
    }

    /** Asks every cluster now (FX thread). */
    void refresh() {
        int asked = generation;
        List<String> names = clusters.get().stream().filter(service::available).toList();
        state.keySet().retainAll(names);
        if (names.isEmpty()) {
            onUpdate.accept(List.of());
            return;
        }
        for (String cluster : names) {
            // Grouping thousands of alerts is done here, off the FX thread; groups never span clusters.
            snapshotSafely(cluster)
                    .thenApplyAsync(snapshot -> new Grouped(snapshot, AlertGrouping.group(snapshot.alerts())), GROUPING)
                    .whenComplete((grouped, error) -> Platform.runLater(() -> received(asked, cluster, grouped, error)));
        }
    }

    /** The service's answer, with a call that throws (a backend already closed) turned into a failed answer. */
    private CompletableFuture<AlertSnapshot> snapshotSafely(String cluster) {
        try {
            return service.snapshot(cluster);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void received(int asked, String cluster, Grouped grouped, Throwable error) {
        if (asked != generation) {
            return;
        }
        ClusterAlerts before = state.get(cluster);
        if (error == null) {
            state.put(cluster, new ClusterAlerts(cluster, grouped.snapshot().alerts(), grouped.groups(),
                    clock.instant(), "", grouped.snapshot().problems()));
        } else {
            String message = dev.pilothouse.plugins.monitoring.Errors.message(error);
            state.put(cluster, before == null
                    ? new ClusterAlerts(cluster, List.of(), List.of(), null, message, List.of())
                    : new ClusterAlerts(cluster, before.alerts(), before.groups(), before.lastSuccess(), message,
                            List.of()));
        }
        onUpdate.accept(new ArrayList<>(state.values()));
    }

}
