package dev.pilothouse.plugins.clusters.fleet;

import dev.pilothouse.plugins.clusters.kinds.WorkloadKinds;
import dev.pilothouse.plugins.clusters.kinds.WorkloadRow;
import dev.pilothouse.plugins.clusters.kinds.EventKind;
import dev.pilothouse.plugins.clusters.kinds.EventRow;
import dev.pilothouse.plugins.clusters.kinds.NodeKind;
import dev.pilothouse.plugins.clusters.kinds.NodeRow;
import dev.pilothouse.plugins.clusters.kinds.PodKind;
import dev.pilothouse.plugins.clusters.kinds.PodRow;
import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.cluster.ConnectionState;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.cluster.WatchState;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.ui.LiveRows;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.Formats;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.List;

/**
 * One cluster's card on the fleet view: connection state, server version and the figures of {@link ClusterSummary},
 * kept live from four shared watches.
 */
final class ClusterCard extends VBox {

    private final String cluster;
    private final LiveRows<PodRow> pods;
    private final LiveRows<NodeRow> nodes;
    private final LiveRows<EventRow> events;
    private final List<LiveRows<WorkloadRow>> workloads = new java.util.ArrayList<>();
    private final Label state = new Label();
    private final Label version = new Label();
    private final Label nodesValue = metricValue();
    private final Label gpuValue = metricValue();
    private final Label podsValue = metricValue();
    private final Label failedValue = metricValue();
    private final Label warningsValue = metricValue();
    private final Label workloadsValue = metricValue();
    private final Label gpuCaption = metricLabel("GPUs");
    private final HBox phaseBar = new HBox();
    private final Label phaseLegend = new Label();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper severity = new ReadOnlyIntegerWrapper(0);
    private ClusterInfo info;
    /** Kinds other plugins put in fleet categories (pipelines, models, agents), counted per category. */
    private final List<CategoryWatch<?>> categoryWatches = new java.util.ArrayList<>();
    private final java.util.Map<String, Label> categoryValues = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, Label> categoryCaptions = new java.util.LinkedHashMap<>();

    ClusterCard(ViewContext context, ClusterInfo info) {
        this.cluster = info.name();
        this.info = info;
        getStyleClass().addAll(Styles.CARD, "ph-cluster-card");
        setId("cluster-card-" + cluster);
        setSpacing(12);
        setPrefWidth(440);
        setMinWidth(400);

        Label name = new Label(cluster);
        name.getStyleClass().add(Styles.TITLE_3);
        state.getStyleClass().add(Styles.BADGE);
        version.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, name, state, spacer, version);
        header.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(10);
        grid.add(metric(nodesValue, metricLabel("Nodes ready")), 0, 0);
        grid.add(metric(gpuValue, gpuCaption), 1, 0);
        grid.add(metric(podsValue, metricLabel("Pods running")), 2, 0);
        grid.add(metric(failedValue, metricLabel("Pods failing")), 0, 1);
        grid.add(metric(warningsValue, metricLabel("Warnings (1 h)")), 1, 1);
        grid.add(metric(workloadsValue, metricLabel("Unready workloads")), 2, 1);

        for (var kind : context.resourceKinds()) {
            kind.fleetCategory().ifPresent(category -> {
                categoryWatches.add(new CategoryWatch<>(context, cluster, kind));
                categoryValues.computeIfAbsent(category, c -> metricValue()).setId("fleet-" + cluster + "-"
                        + category.toLowerCase(java.util.Locale.ROOT));
                categoryCaptions.computeIfAbsent(category, c -> metricLabel("Unhealthy " + c.toLowerCase(
                        java.util.Locale.ROOT)));
            });
        }
        int column = 0;
        for (String category : categoryValues.keySet()) {
            // Three to a row, under the cluster's own figures.
            grid.add(metric(categoryValues.get(category), categoryCaptions.get(category)), column % 3, 2 + column / 3);
            column++;
        }

        phaseBar.getStyleClass().add("ph-phase-bar");
        phaseBar.setPrefHeight(8);
        phaseBar.setMaxWidth(Double.MAX_VALUE);
        phaseLegend.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        getChildren().addAll(header, grid, phaseBar, phaseLegend);

        pods = context.liveRows(cluster, PodKind.kind(), WatchScope.ALL);
        nodes = context.liveRows(cluster, NodeKind.kind(), WatchScope.ALL);
        events = context.liveRows(cluster, EventKind.kind(), WatchScope.ALL);
        for (var kind : WorkloadKinds.all()) {
            workloads.add(context.liveRows(cluster, kind, WatchScope.ALL));
        }
        InvalidationListener refresh = o -> refresh();
        List<LiveRows<?>> all = new java.util.ArrayList<>(List.of(pods, nodes, events));
        all.addAll(workloads);
        categoryWatches.forEach(w -> all.add(w.rows()));
        for (LiveRows<?> rows : all) {
            rows.rows().addListener(refresh);
            rows.status().addListener(refresh);
        }
        context.clusters().serverVersion(cluster).whenComplete((v, e) -> Platform.runLater(() ->
                version.setText(e == null ? "Kubernetes " + v : "")));
        refresh();
    }

    private static Label metricValue() {
        Label l = new Label("–");
        l.getStyleClass().add(Styles.METRIC_VALUE);
        return l;
    }

    private static Label metricLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.METRIC_LABEL, Styles.TEXT_MUTED);
        return l;
    }

    private static VBox metric(Label value, Label caption) {
        VBox box = new VBox(2, value, caption);
        box.setMinWidth(118);
        return box;
    }

    /** Called on the FX thread when the cluster's connection status changes. */
    void updateInfo(ClusterInfo newInfo) {
        this.info = newInfo;
        refresh();
    }

    private void refresh() {
        List<WorkloadRow> allWorkloads = new java.util.ArrayList<>();
        workloads.forEach(w -> allWorkloads.addAll(w.rows()));
        ClusterSummary s = ClusterSummary.of(nodes.rows(), pods.rows(), events.rows(), allWorkloads, Instant.now());
        nodesValue.setText(s.nodesReady() + " / " + s.nodesTotal());
        tone(nodesValue, s.nodesReady() < s.nodesTotal() ? CellTone.DANGER : CellTone.DEFAULT);
        gpuValue.setText(s.gpuAllocatable() == 0 ? "none" : String.valueOf(s.gpuAllocatable()));
        gpuCaption.setText(s.gpuAllocatable() == 0 ? "GPUs" : "GPUs, " + s.gpuRequested() + " requested");
        gpuCaption.setTooltip(new Tooltip(s.gpuAllocatable() + " GPUs allocatable on ready and unready nodes; "
                + s.gpuRequested() + " requested by pods that run or wait"));
        podsValue.setText(String.valueOf(s.podsRunning()));
        failedValue.setText(String.valueOf(s.podsFailed()));
        tone(failedValue, s.podsFailed() > 0 ? CellTone.DANGER : CellTone.DEFAULT);
        warningsValue.setText(String.valueOf(s.warningsLastHour()));
        tone(warningsValue, s.warningsLastHour() > 0 ? CellTone.WARNING : CellTone.DEFAULT);
        workloadsValue.setText(String.valueOf(s.workloadsNotReady()));
        tone(workloadsValue, s.workloadsNotReady() > 0 ? CellTone.WARNING : CellTone.DEFAULT);
        int unhealthyMl = refreshCategories();
        updatePhaseBar(s);
        updateState();
        boolean podsSettled = pods.status().get().state() != WatchState.LOADING;
        ready.set(podsSettled || info.status().state() == ConnectionState.UNREACHABLE
                || info.status().state() == ConnectionState.AUTH_FAILED);
        int connectionPenalty = info.status().isLive() ? 0 : 10_000;
        severity.set(connectionPenalty + s.severity() + unhealthyMl * 10);
    }

    /**
     * Counts the unhealthy objects of each category; returns the total. A count is shown only when some watch of
     * the category has rows: "…" while listing, "–" when nothing of it is installed, "?" when it may not be read.
     */
    private int refreshCategories() {
        int total = 0;
        String lower;
        for (String category : categoryValues.keySet()) {
            int unhealthy = 0;
            boolean counted = false;
            boolean loading = false;
            boolean installed = false;
            for (CategoryWatch<?> w : categoryWatches) {
                if (!w.category().equals(category)) {
                    continue;
                }
                WatchState state = w.state();
                counted |= state == WatchState.SYNCED || state == WatchState.STALE;
                loading |= state == WatchState.LOADING;
                installed |= state != WatchState.NOT_INSTALLED;
                unhealthy += w.unhealthy();
            }
            lower = category.toLowerCase(java.util.Locale.ROOT);
            Label value = categoryValues.get(category);
            Label caption = categoryCaptions.get(category);
            if (counted) {
                value.setText(String.valueOf(unhealthy));
                caption.setText("Unhealthy " + lower);
                total += unhealthy;
            } else if (loading) {
                value.setText("…");
                caption.setText("Unhealthy " + lower);
            } else if (!installed) {
                value.setText("–");
                caption.setText(category + ": not installed");
            } else {
                value.setText("?");
                caption.setText(category + ": not readable");
            }
            tone(value, counted && unhealthy > 0 ? CellTone.DANGER : CellTone.DEFAULT);
        }
        return total;
    }

    private void updatePhaseBar(ClusterSummary s) {
        phaseBar.getChildren().clear();
        int total = Math.max(1, s.podsTotal());
        addSegment(s.podsRunning(), total, CellTone.SUCCESS);
        addSegment(s.podsPending(), total, CellTone.ACCENT);
        addSegment(s.podsFailed(), total, CellTone.DANGER);
        addSegment(s.podsSucceeded(), total, CellTone.MUTED);
        phaseLegend.setText(s.podsRunning() + " running · " + s.podsPending() + " pending · " + s.podsFailed()
                + " failing · " + s.podsSucceeded() + " completed");
    }

    private void addSegment(int count, int total, CellTone tone) {
        if (count == 0) {
            return;
        }
        Region segment = new Region();
        segment.getStyleClass().addAll("ph-phase-segment", Styles.tone(tone));
        segment.prefWidthProperty().bind(phaseBar.widthProperty().multiply((double) count / total));
        segment.setMinWidth(3);
        phaseBar.getChildren().add(segment);
    }

    private void updateState() {
        var status = info.status();
        CellTone tone;
        String text;
        switch (status.state()) {
            case LIVE -> { tone = CellTone.SUCCESS; text = "Live"; }
            case STALE -> {
                tone = CellTone.WARNING;
                text = "Stale since " + (status.lastSync() == null ? "?" : Formats.age(status.lastSync(), Instant.now()) + " ago");
            }
            case AUTH_FAILED -> { tone = CellTone.DANGER; text = "Auth failed"; }
            case UNREACHABLE -> { tone = CellTone.DANGER; text = "Unreachable"; }
            case CONNECTING, IDLE -> { tone = CellTone.ACCENT; text = "Connecting…"; }
            default -> { tone = CellTone.MUTED; text = status.state().name(); }
        }
        state.setText(text);
        tone(state, tone);
        state.setTooltip(status.message().isEmpty() ? null : new Tooltip(status.message()));
    }

    private static void tone(Label label, CellTone tone) {
        label.getStyleClass().removeAll(Styles.allTones());
        if (tone != CellTone.DEFAULT) {
            label.getStyleClass().add(Styles.tone(tone));
        }
    }

    String cluster() {
        return cluster;
    }

    LiveRows<PodRow> pods() {
        return pods;
    }

    ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty severityProperty() {
        return severity.getReadOnlyProperty();
    }

    void close() {
        pods.close();
        nodes.close();
        events.close();
        workloads.forEach(LiveRows::close);
        categoryWatches.forEach(w -> w.rows().close());
    }
}
