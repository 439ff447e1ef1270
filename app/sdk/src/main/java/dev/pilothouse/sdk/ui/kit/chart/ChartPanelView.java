package dev.pilothouse.sdk.ui.kit.chart;

import dev.pilothouse.sdk.metrics.MetricsService;
import dev.pilothouse.sdk.metrics.Panel;
import dev.pilothouse.sdk.metrics.Series;
import dev.pilothouse.sdk.metrics.Unit;
import dev.pilothouse.sdk.ui.Styles;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A chart in a titled card with what an operator needs around it: range presets (15m to 7d), a refresh button and
 * auto-refresh. Data comes from a loader the plugin supplies, called on the FX thread with the range to show; its
 * future may complete on any thread and the result is applied on the FX thread. A result that arrives after a newer
 * request was made is dropped, so a slow old query never overwrites a newer range. When a refresh fails the last
 * data stays on screen with a note saying so; with no data yet the chart shows the error.
 *
 * <p>The first load happens when the panel is first shown (added to a scene); auto-refresh runs only while it is in
 * a scene, and skips a tick while the previous request is still running.
 */
public class ChartPanelView extends VBox {

    /** The style class of every chart panel. */
    public static final String STYLE_CLASS = "ph-chart-panel";
    /** The auto-refresh intervals offered; {@link Duration#ZERO} is off. */
    public static final List<Duration> AUTO_REFRESH_CHOICES = List.of(Duration.ZERO, Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5));

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Function<TimeRange, CompletableFuture<List<Series>>> loader;
    private final Clock clock;
    private final TimeSeriesChart chart = new TimeSeriesChart();
    private final Label title = new Label();
    private final Label updated = new Label();
    private final ToggleGroup rangeGroup = new ToggleGroup();
    private final Button refreshButton = new Button("⟳");
    private final ComboBox<Duration> autoRefreshBox = new ComboBox<>();
    private final Timeline timer = new Timeline();

    private RangePreset range = RangePreset.LAST_HOUR;
    private Duration autoRefresh = Duration.ZERO;
    private long generation;
    private boolean inFlight;
    private boolean started;
    private Instant lastSuccess;
    private TimeRange lastRequested;

    /** A panel titled {@code title} whose data comes from {@code loader}, in the system clock's time. */
    public ChartPanelView(String title, Unit unit, Function<TimeRange, CompletableFuture<List<Series>>> loader) {
        this(title, unit, loader, Clock.systemDefaultZone());
    }

    /** As {@link #ChartPanelView(String, Unit, Function)} with a clock for "now" and the time zone (tests). */
    public ChartPanelView(String title, Unit unit, Function<TimeRange, CompletableFuture<List<Series>>> loader,
                          Clock clock) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.clock = Objects.requireNonNull(clock, "clock");
        getStyleClass().addAll(Styles.CARD, STYLE_CLASS);
        setSpacing(8);
        this.title.setText(title);
        this.title.getStyleClass().addAll(Styles.CARD_TITLE, Styles.TEXT_BOLD, "ph-chart-title");
        updated.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "ph-chart-updated");
        chart.setUnit(unit);
        chart.setZone(clock.getZone());
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(header(), chart);
        sceneProperty().addListener((obs, was, now) -> shownOrHidden(now != null));
    }

    /**
     * A panel for a plugin's PromQL panel: fills the query's placeholders from {@code variables}, names series with
     * the panel's legend format and loads range queries from {@code metrics} for {@code cluster}.
     *
     * @throws IllegalArgumentException when a placeholder has no variable
     */
    public static ChartPanelView forPanel(Panel panel, Map<String, String> variables, MetricsService metrics,
                                          String cluster) {
        String query = panel.queryFor(variables);
        ChartPanelView view = new ChartPanelView(panel.title(), panel.unit(),
                r -> metrics.queryRange(cluster, query, r.start(), r.end(), r.step()));
        view.setDescription(panel.description());
        view.chart().setLegendLabel(s -> panel.legendLabel(s.labels()));
        return view;
    }

    private ChartHeader header() {
        HBox ranges = new HBox();
        ranges.getStyleClass().add("ph-chart-ranges");
        RangePreset[] presets = RangePreset.values();
        for (int i = 0; i < presets.length; i++) {
            ToggleButton b = new ToggleButton(presets[i].label());
            b.setUserData(presets[i]);
            b.setToggleGroup(rangeGroup);
            b.getStyleClass().addAll("ph-chart-range-button",
                    i == 0 ? "left-pill" : i == presets.length - 1 ? "right-pill" : "center-pill"); // AtlantaFX
            b.setTooltip(new Tooltip("Show the last " + presets[i].label()));
            b.setSelected(presets[i] == range);
            ranges.getChildren().add(b);
        }
        rangeGroup.selectedToggleProperty().addListener((obs, was, now) -> rangeToggled(was, now));
        refreshButton.getStyleClass().add("ph-chart-refresh");
        refreshButton.setTooltip(new Tooltip("Load the data again"));
        refreshButton.setAccessibleText("Refresh");
        refreshButton.setOnAction(e -> refresh());
        autoRefreshBox.getStyleClass().add("ph-chart-auto-refresh");
        autoRefreshBox.getItems().setAll(AUTO_REFRESH_CHOICES);
        autoRefreshBox.setConverter(new IntervalText());
        autoRefreshBox.setValue(autoRefresh);
        autoRefreshBox.setTooltip(new Tooltip("Reload the data on a timer"));
        autoRefreshBox.valueProperty().addListener((obs, was, now) -> setAutoRefresh(now));
        HBox lead = new HBox(8, title, updated);
        lead.setAlignment(Pos.BASELINE_LEFT);
        HBox controls = new HBox(8, ranges, refreshButton, autoRefreshBox);
        controls.setAlignment(Pos.CENTER_RIGHT);
        controls.setMinWidth(Region.USE_PREF_SIZE); // never elide the buttons: wrap under the title instead
        return new ChartHeader(lead, controls);
    }

    // ---- public API ----

    /** The chart inside the panel (to set its legend labels, zone or unit). */
    public TimeSeriesChart chart() {
        return chart;
    }

    /** A sentence on what the panel shows, as the title's tooltip. */
    public void setDescription(String text) {
        title.setTooltip(text == null || text.isBlank() ? null : new Tooltip(text));
        title.setAccessibleHelp(text);
    }

    /** The range shown. */
    public RangePreset getRange() {
        return range;
    }

    /** Shows another range, loading it at once if the panel has been shown. */
    public void setRange(RangePreset preset) {
        Objects.requireNonNull(preset, "preset");
        for (Toggle t : rangeGroup.getToggles()) {
            if (t.getUserData() == preset && !t.isSelected()) {
                t.setSelected(true); // calls back into rangeToggled
                return;
            }
        }
        if (preset != range) {
            range = preset;
            if (started) {
                refresh();
            }
        }
    }

    /** The auto-refresh interval; {@link Duration#ZERO} when off. */
    public Duration getAutoRefresh() {
        return autoRefresh;
    }

    /** Reloads on a timer every {@code interval} while shown; zero or null turns auto-refresh off. */
    public void setAutoRefresh(Duration interval) {
        Duration next = interval == null || interval.isNegative() ? Duration.ZERO : interval;
        if (next.equals(autoRefresh)) {
            return;
        }
        autoRefresh = next;
        autoRefreshBox.setValue(next);
        restartTimer();
    }

    /** Whether a request is under way. */
    public boolean isRefreshing() {
        return inFlight;
    }

    /** The range of the latest request, or null before the first. */
    public TimeRange getLastRequestedRange() {
        return lastRequested;
    }

    /** When data last arrived, or null. */
    public Instant getLastUpdated() {
        return lastSuccess;
    }

    /** Loads the current range now; a request still running is superseded (its result will be dropped). */
    public void refresh() {
        started = true;
        TimeRange r = range.endingAt(clock.instant());
        long request = ++generation;
        lastRequested = r;
        inFlight = true;
        chart.setRange(r.start(), r.end());
        chart.setLoading(true);
        CompletableFuture<List<Series>> future;
        try {
            future = Objects.requireNonNull(loader.apply(r), "the chart's loader returned no future");
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        future.whenComplete((result, failure) -> onFx(() -> completed(request, result, failure)));
    }

    // ---- internals ----

    private void completed(long request, List<Series> result, Throwable failure) {
        if (request != generation) {
            return; // a newer request was made meanwhile; its result is the one to show
        }
        inFlight = false;
        chart.setLoading(false);
        if (failure == null) {
            lastSuccess = clock.instant();
            chart.setSeries(result == null ? List.of() : result);
            chart.setError(null);
            updated.setText("Updated " + clockTime(lastSuccess));
            return;
        }
        String reason = reason(failure);
        if (lastSuccess != null && !chart.getSeries().isEmpty()) {
            chart.setError("Refresh failed: " + reason + ". Showing data from " + clockTime(lastSuccess) + ".");
        } else {
            chart.setError(reason);
        }
    }

    private void rangeToggled(Toggle was, Toggle now) {
        if (now == null) {
            was.setSelected(true); // one range is always selected: clicking the current one keeps it
            return;
        }
        RangePreset preset = (RangePreset) now.getUserData();
        if (preset != range) {
            range = preset;
            if (started) {
                refresh();
            }
        }
    }

    private void shownOrHidden(boolean shown) {
        if (shown && !started) {
            refresh();
        }
        restartTimer();
    }

    private void restartTimer() {
        timer.stop();
        timer.getKeyFrames().clear();
        if (autoRefresh.isZero() || getScene() == null) {
            return;
        }
        timer.getKeyFrames().add(new KeyFrame(javafx.util.Duration.millis(autoRefresh.toMillis()), e -> {
            if (!inFlight) {
                refresh();
            }
        }));
        timer.setCycleCount(Animation.INDEFINITE);
        timer.play();
    }

    private String clockTime(Instant t) {
        ZoneId zone = clock.getZone();
        return CLOCK_TIME.format(t.atZone(zone));
    }

    private static String reason(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /** Auto-refresh choices as words: "Auto off", "Every 30s", "Every 5m". */
    private static final class IntervalText extends StringConverter<Duration> {
        @Override
        public String toString(Duration d) {
            if (d == null || d.isZero()) {
                return "Auto off"; // short: the box sits in narrow detail panes too; its tooltip says what it is
            }
            long ms = d.toMillis();
            if (ms % 60_000 == 0) {
                return "Every " + ms / 60_000 + "m";
            }
            if (ms % 1_000 == 0) {
                return "Every " + ms / 1_000 + "s";
            }
            return "Every " + ms + "ms";
        }

        @Override
        public Duration fromString(String s) {
            return AUTO_REFRESH_CHOICES.stream().filter(d -> toString(d).equals(s)).findFirst().orElse(Duration.ZERO);
        }
    }
}
