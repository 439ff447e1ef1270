package dev.pilothouse.sdk.ui.kit.chart;

import dev.pilothouse.sdk.metrics.MetricsService;
import dev.pilothouse.sdk.metrics.Panel;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.kit.StatePane;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * A grid of chart panels for one cluster that draws only the panels whose data exists. Before building charts it
 * asks Prometheus, in one query, which of the panels' required metrics have series; a panel missing one is left
 * out and a note under the grid names it and the metric, so "no exporter" never looks like "all zero". When no
 * panel is left the board shows its empty text instead.
 *
 * <p>Use on the FX thread. {@link #show} may be called again (another cluster, node or pod); a detection that
 * finishes after a newer call is dropped.
 */
public class PanelBoard extends VBox {

    private final MetricsService metrics;
    private final GridPane grid = new GridPane();
    private final Label note = new Label();
    private final StatePane state;
    private final List<ChartPanelView> charts = new ArrayList<>();
    private String emptyTitle = "No data";
    private String emptyText = "None of these metrics has series in this cluster's Prometheus.";
    private long generation;
    private boolean loading;
    private Runnable lastShow = () -> { };

    public PanelBoard(MetricsService metrics) {
        this.metrics = metrics;
        getStyleClass().add("ph-panel-board");
        grid.getStyleClass().add("ph-panel-grid");
        grid.setHgap(12);
        grid.setVgap(12);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            half.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(half);
        }
        note.setId("panel-board-note");
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);
        VBox content = new VBox(10, grid, note);
        state = new StatePane(content);
        VBox.setVgrow(state, Priority.ALWAYS);
        getChildren().add(state);
        setSpacing(8);
    }

    /** What the board says when none of its panels has data (say which exporter to install). */
    public void setEmptyText(String title, String text) {
        emptyTitle = title;
        emptyText = text;
    }

    /**
     * Shows {@code panels} for {@code cluster} with their placeholders filled from {@code variables}, leaving out
     * those whose required metrics have no series.
     */
    public void show(String cluster, List<Panel> panels, Map<String, String> variables) {
        long request = ++generation;
        loading = false;
        lastShow = () -> show(cluster, panels, variables);
        charts.clear();
        grid.getChildren().clear();
        note.setText("");
        if (cluster == null || cluster.isEmpty()) {
            state.showEmpty("No cluster", "Choose a context to see its metrics.");
            return;
        }
        if (!metrics.available(cluster)) {
            state.showEmpty("No Prometheus for " + cluster, "Configure one in Settings > Metrics, or run a "
                    + "Prometheus the console can detect in the cluster.");
            return;
        }
        Set<String> required = new LinkedHashSet<>();
        panels.forEach(p -> required.addAll(p.requires()));
        state.showLoading("Checking which metrics " + cluster + " has…");
        loading = true;
        metrics.existingMetrics(cluster, required).whenComplete((found, error) -> Platform.runLater(() -> {
            if (request != generation) {
                return;
            }
            loading = false;
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                state.showError("Could not read metrics of " + cluster, String.valueOf(cause.getMessage()),
                        lastShow);
                return;
            }
            build(cluster, panels, variables, found);
        }));
    }

    private void build(String cluster, List<Panel> panels, Map<String, String> variables, Set<String> found) {
        List<String> hidden = new ArrayList<>();
        for (Panel p : panels) {
            List<String> missing = p.requires().stream().filter(m -> !found.contains(m)).toList();
            if (!missing.isEmpty()) {
                hidden.add(p.title() + " (no series of " + String.join(", ", missing) + ")");
                continue;
            }
            ChartPanelView chart = ChartPanelView.forPanel(p, variables, metrics, cluster);
            chart.setId("panel-" + p.id());
            chart.setPrefHeight(260);
            chart.setMinHeight(220);
            grid.add(chart, charts.size() % 2, charts.size() / 2);
            charts.add(chart);
        }
        if (charts.isEmpty()) {
            state.showEmpty(emptyTitle, emptyText);
            return;
        }
        note.setText(hidden.isEmpty() ? "" : "Not shown, because this cluster's Prometheus has no data for them: "
                + String.join("; ", hidden) + ".");
        note.setVisible(!hidden.isEmpty());
        note.setManaged(!hidden.isEmpty());
        state.showContent();
    }

    /** The charts drawn, in order. */
    public List<ChartPanelView> charts() {
        return List.copyOf(charts);
    }

    /** The note naming the panels left out, or "". */
    public String getNote() {
        return note.getText();
    }

    /** Whether the board is finding out which metrics exist. */
    public boolean isLoading() {
        return loading;
    }

    /** Whether the board shows charts (rather than loading, empty or an error). */
    public boolean isShowingCharts() {
        return state.isShowingContent() && !charts.isEmpty();
    }
}
