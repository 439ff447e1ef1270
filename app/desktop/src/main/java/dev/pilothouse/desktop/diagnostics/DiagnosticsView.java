package dev.pilothouse.desktop.diagnostics;

import dev.pilothouse.core.diagnostics.SelfMetrics;
import dev.pilothouse.sdk.metrics.Series;
import dev.pilothouse.sdk.metrics.Unit;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.View;
import dev.pilothouse.sdk.ui.kit.StatePane;
import dev.pilothouse.sdk.ui.kit.chart.TimeSeriesChart;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The console's own figures: watch events per second, reconnects, queues, FX pulse times, requests to Prometheus and
 * Alertmanager, and firing alerts per context. Refreshed every second while visible; idle while hidden. Rates are
 * over the time since the previous refresh, so the first one after opening shows "–".
 */
public final class DiagnosticsView implements View {

    static final Duration REFRESH = Duration.seconds(1);
    private static final java.time.Duration TREND_SPAN = java.time.Duration.ofMinutes(10);

    private final DiagnosticsViewModel model;
    private final StatePane root;
    private final Timeline refresher;
    private final TimeSeriesChart eventsChart = chart("diagnostics-events-chart", Unit.PER_SECOND);
    private final TimeSeriesChart pulseChart = chart("diagnostics-pulse-chart", Unit.SECONDS);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);

    /** @param served where the figures are served for Prometheus ({@code --metrics-port}), or null */
    public DiagnosticsView(SelfMetrics metrics, @Nullable URI served) {
        model = new DiagnosticsViewModel(metrics, System::currentTimeMillis);
        Label title = new Label("Diagnostics");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Pilothouse's own figures, refreshed every second. " + (served != null
                ? "Prometheus can scrape them at " + served + "."
                : "Start with --metrics-port PORT to let Prometheus scrape them."));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setId("diagnostics-served");
        subtitle.setWrapText(true);

        HBox tiles = new HBox(12,
                tile("diagnostics-events-per-second", model.eventsPerSecond(), "Watch events/s", null),
                tile("diagnostics-reconnects", model.reconnects(), "Watch reconnects", null),
                tile("diagnostics-watches", model.watches(), "Watches running", null),
                tile("diagnostics-queued", model.queued(), "Updates queued", model.queuedDetail()),
                tile("diagnostics-pulse", model.pulseP99(), "FX pulse p99", model.pulseDetail()),
                tile("diagnostics-alerts", model.alertsFiring(), "Alerts firing", null));

        HBox charts = new HBox(12, section("Watch events/s, last 10 minutes", eventsChart),
                section("FX pulse p99, last 10 minutes", pulseChart));
        charts.getChildren().forEach(c -> HBox.setHgrow(c, Priority.ALWAYS));
        charts.setMinHeight(170);
        charts.setPrefHeight(190);

        GridPane tables = new GridPane(12, 12);
        tables.add(section("Watch events", DiagnosticsTables.events(model.events())), 0, 0, 1, 2);
        tables.add(section("Contexts", DiagnosticsTables.contexts(model.contexts())), 1, 0);
        tables.add(section("Requests to Prometheus and Alertmanager", DiagnosticsTables.queries(model.queries())), 1, 1);
        tables.getColumnConstraints().addAll(percent(40), percent(60));
        tables.getRowConstraints().addAll(growingRow(), growingRow());
        VBox.setVgrow(tables, Priority.ALWAYS);

        VBox content = new VBox(14, new VBox(4, title, subtitle), tiles, charts, tables);
        content.setPadding(new Insets(20));
        root = new StatePane(content);
        root.setId("diagnostics-view");
        refresher = new Timeline(new KeyFrame(REFRESH, e -> refresh()));
        refresher.setCycleCount(Animation.INDEFINITE);
    }

    private void refresh() {
        model.refresh();
        if (model.empty().get()) {
            root.showEmpty("Nothing measured yet", "Figures appear as soon as views watch a cluster, query "
                    + "Prometheus or draw a frame.");
        } else {
            root.showContent();
        }
        Instant now = Instant.now();
        showTrend(eventsChart, "events/s", model.eventTrend(), now);
        showTrend(pulseChart, "pulse p99", model.pulseTrend(), now);
        ready.set(true);
    }

    private static void showTrend(TimeSeriesChart chart, String name, DiagnosticsViewModel.Trend trend, Instant now) {
        chart.setRange(now.minus(TREND_SPAN), now);
        chart.setSeries(trend.times().length == 0 ? List.of()
                : List.of(new Series(Map.of("__name__", name), trend.times(), trend.values())));
    }

    private static TimeSeriesChart chart(String id, Unit unit) {
        TimeSeriesChart chart = new TimeSeriesChart();
        chart.setId(id);
        chart.setUnit(unit);
        chart.setLegendVisible(false);
        chart.setMinHeight(120);
        return chart;
    }

    private static VBox tile(String id, ObservableStringValue value, String caption, @Nullable ObservableStringValue detail) {
        Label valueLabel = new Label();
        valueLabel.setId(id);
        valueLabel.getStyleClass().add(Styles.METRIC_VALUE);
        valueLabel.textProperty().bind(value);
        Label captionLabel = new Label(caption);
        captionLabel.getStyleClass().addAll(Styles.METRIC_LABEL, Styles.TEXT_MUTED);
        VBox tile = new VBox(2, valueLabel, captionLabel);
        if (detail != null) {
            Label detailLabel = new Label();
            detailLabel.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            detailLabel.textProperty().bind(detail);
            tile.getChildren().add(detailLabel);
        }
        tile.getStyleClass().add(Styles.CARD);
        tile.setMinWidth(150);
        tile.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(tile, Priority.ALWAYS);
        return tile;
    }

    private static VBox section(String heading, Node body) {
        Label label = new Label(heading);
        label.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(6, label, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        box.setMinHeight(0);
        return box;
    }

    private static ColumnConstraints percent(double width) {
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(width);
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    private static RowConstraints growingRow() {
        RowConstraints r = new RowConstraints();
        r.setVgrow(Priority.ALWAYS);
        r.setPercentHeight(50);
        return r;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        refresh();
        refresher.play();
    }

    @Override
    public void deactivate() {
        refresher.stop();
    }

    /** Whether it refreshes on its own now (only while visible). */
    boolean refreshing() {
        return refresher.getStatus() == Animation.Status.RUNNING;
    }

    @Override
    public void dispose() {
        refresher.stop();
    }

    @Override
    public ReadOnlyBooleanProperty ready() {
        return ready.getReadOnlyProperty();
    }
}
