package dev.pilothouse.sdk.ui.kit.chart;

import dev.pilothouse.sdk.metrics.Panel;
import dev.pilothouse.sdk.metrics.Series;
import dev.pilothouse.sdk.metrics.Unit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A line chart of time series drawn on a canvas: value and time axes with round ticks, one line per series in the
 * theme's palette, a legend below whose entries hide and show series, a crosshair that reads out the time and each
 * visible series' value (formatted with the chart's {@link Unit}), and states for no data, an error and loading.
 *
 * <p>Built for many long series: each series is downsampled ({@link Lttb}) to about one point per pixel (fewer when
 * dozens of series overlap, so the lines drawn stay within a fixed total) once per window and width, and drawing
 * happens at most once per pulse, during layout, only after something changed. Moving the pointer redraws only the
 * crosshair layer.
 *
 * <p>Use it on the FX thread once it is in a scene. The series' arrays are used as given (copied only when out of
 * time order): do not modify them afterwards. Keyboard: with the chart focused, Left and Right step the crosshair
 * from sample to sample and Escape hides it; legend entries are toggles reached with Tab and switched with Space.
 */
public class TimeSeriesChart extends Region {

    /** The style class of every chart. */
    public static final String STYLE_CLASS = "ph-time-series-chart";
    /** What the chart says when there is nothing to draw in its range. */
    public static final String NO_DATA = "No data for this range";
    /** What the chart says while its first data loads. */
    public static final String LOADING = "Loading…";

    private static final double LEGEND_GAP = 6;
    private static final double POINTER_SLACK_PIXELS = 6;

    private final ChartStyle style = new ChartStyle(this, this::themeChanged);
    private final Canvas plot = new Canvas();
    private final Canvas overlay = new Canvas();
    private final LegendBar legend = new LegendBar();
    private final Label message = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final PlotRenderer renderer = new PlotRenderer();
    private final OverlayRenderer overlayRenderer = new OverlayRenderer();
    private final ReadOnlyObjectWrapper<Readout> readout = new ReadOnlyObjectWrapper<>(this, "readout");
    private final Set<Map<String, String>> hidden = new HashSet<>();
    private final Font font = Font.font(Font.getDefault().getFamily(), Math.round(Font.getDefault().getSize() * 0.9));

    private List<Series> source = List.of();
    private List<ChartSeries> series = List.of();
    private List<ChartSeries> visible = List.of();
    private List<ChartMarker> markers = List.of();
    private Function<Series, String> legendLabel = s -> Panel.describeLabels(s.labels());
    private Unit unit = Unit.NONE;
    private Instant rangeStart;
    private Instant rangeEnd;
    private String error;
    private boolean loading;
    private boolean hasData;
    private boolean legendVisible = true;
    private ZoneId zone = ZoneId.systemDefault();

    private boolean plotDirty = true;
    private long drawCount;
    private PlotArea area;
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;
    private Long pinnedTime;

    public TimeSeriesChart() {
        getStyleClass().add(STYLE_CLASS);
        setAccessibleRole(AccessibleRole.NODE);
        setFocusTraversable(true);
        overlay.setMouseTransparent(true);
        message.getStyleClass().add("ph-chart-message");
        message.setWrapText(true);
        message.setMouseTransparent(true);
        spinner.getStyleClass().add("ph-chart-loading");
        spinner.setMaxSize(18, 18);
        spinner.setPrefSize(18, 18);
        spinner.setMouseTransparent(true);
        spinner.setFocusTraversable(false);
        spinner.setVisible(false);
        getChildren().addAll(plot, overlay, message, spinner, legend);
        plot.addEventHandler(MouseEvent.MOUSE_MOVED, e -> pointerAt(e.getX(), e.getY()));
        plot.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> pointerAt(e.getX(), e.getY()));
        plot.addEventHandler(MouseEvent.MOUSE_EXITED, e -> pointerAt(Double.NaN, Double.NaN));
        // A click gives the chart focus, so the arrow keys can take the crosshair from there.
        plot.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        updateState();
    }

    // ---- data ----

    /** Draws these reference lines over the series (replacing the previous ones); null or empty removes them. */
    public void setMarkers(List<ChartMarker> newMarkers) {
        markers = newMarkers == null ? List.of() : List.copyOf(newMarkers);
        changed();
    }

    /** The reference lines drawn over the series. */
    public List<ChartMarker> getMarkers() {
        return markers;
    }

    /** Shows these series (replacing the previous ones); null or empty shows the empty state. */
    public void setSeries(List<Series> newSeries) {
        source = newSeries == null ? List.of() : List.copyOf(newSeries);
        rebuild();
    }

    /** The series shown. */
    public List<Series> getSeries() {
        return source;
    }

    /** How series are named in the legend and read-out; by default their labels, Prometheus style. */
    public void setLegendLabel(Function<Series, String> label) {
        legendLabel = Objects.requireNonNull(label, "label");
        rebuild();
    }

    /** The unit of the values: decides axis labels and read-out text. */
    public void setUnit(Unit newUnit) {
        unit = newUnit == null ? Unit.NONE : newUnit;
        changed();
    }

    /** The unit of the values. */
    public Unit getUnit() {
        return unit;
    }

    /** The time window of the x axis; with either end null, the window fits the data. */
    public void setRange(Instant start, Instant end) {
        if (start != null && end != null && !end.isAfter(start)) {
            throw new IllegalArgumentException("chart range end " + end + " is not after its start " + start);
        }
        rangeStart = start;
        rangeEnd = end;
        updateState();
        changed();
    }

    /** The time zone of the time axis and read-out; the system's by default. */
    public void setZone(ZoneId newZone) {
        zone = Objects.requireNonNull(newZone, "zone");
        changed();
    }

    /** Whether the legend shows below the plot (on by default). */
    public void setLegendVisible(boolean on) {
        legendVisible = on;
        requestLayout();
    }

    // ---- states ----

    /**
     * Shows an error; null or blank clears it. Without data the message takes the plot's place; with data the
     * lines stay and the message shows above them as a note (for example "refresh failed, showing older data").
     */
    public void setError(String text) {
        error = text == null || text.isBlank() ? null : text;
        updateState();
    }

    /** The error shown, or null. */
    public String getError() {
        return error;
    }

    /** Shows that data is loading: a small spinner, and "Loading…" while there is nothing to draw yet. */
    public void setLoading(boolean on) {
        loading = on;
        updateState();
    }

    /** Whether the loading indicator shows. */
    public boolean isLoading() {
        return loading;
    }

    /** The text shown over the plot (no data, loading, error or a note), or "" when the plot speaks for itself. */
    public String getStateMessage() {
        return message.isVisible() ? message.getText() : "";
    }

    // ---- series visibility ----

    /** Whether the series with these labels is drawn (hidden ones stay hidden across refreshes). */
    public boolean isSeriesVisible(Map<String, String> labels) {
        return !hidden.contains(labels);
    }

    /** Hides or shows the series with these labels, as its legend entry does. */
    public void setSeriesVisible(Map<String, String> labels, boolean on) {
        boolean changedNow = on ? hidden.remove(labels) : hidden.add(Map.copyOf(labels));
        if (changedNow) {
            visible = series.stream().filter(s -> !hidden.contains(s.labels)).toList();
            legend.sync(s -> !hidden.contains(s.labels));
            changed();
        }
    }

    // ---- crosshair ----

    /** What the crosshair shows now, or null when it is hidden. */
    public ReadOnlyObjectProperty<Readout> readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    /** What the crosshair shows now, or null. */
    public Readout getReadout() {
        return readout.get();
    }

    /**
     * Puts the crosshair at the sample nearest to a time, as if the pointer were there (to follow another chart's
     * crosshair, say); null hides it.
     */
    public void showCrosshairAt(Instant time) {
        pinnedTime = time == null ? null : time.toEpochMilli();
        pointerX = Double.NaN;
        updateReadout();
    }

    /**
     * The colour of the series at {@code index} in the current theme (the palette wraps around), for anything drawn
     * next to the chart that should match a line.
     */
    public Paint seriesColor(int index) {
        return style.series(index);
    }

    // ---- diagnostics ----

    /** How many times the lines have been drawn: tests and benchmarks check that updates are coalesced. */
    public long getDrawCount() {
        return drawCount;
    }

    // ---- CSS ----

    /** The CSS properties of the chart: Region's, plus its palette and colours. */
    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return ChartStyle.META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    ChartStyle style() {
        return style;
    }

    // ---- internals ----

    private void rebuild() {
        List<ChartSeries> prepared = new ArrayList<>(source.size());
        for (int i = 0; i < source.size(); i++) {
            Series s = source.get(i);
            prepared.add(ChartSeries.of(s, legendLabel.apply(s), i));
        }
        series = prepared;
        visible = prepared.stream().filter(s -> !hidden.contains(s.labels)).toList();
        legend.setEntries(series, s -> !hidden.contains(s.labels), (s, on) -> setSeriesVisible(s.labels, on), style);
        setAccessibleText("Time series chart, " + series.size() + " series");
        updateState();
        changed();
    }

    /** Something drawn changed: draw again in the next layout pass (once, however many changes came first). */
    private void changed() {
        plotDirty = true;
        requestLayout();
    }

    private void themeChanged() {
        legend.recolor(style);
        changed();
    }

    private long[] window() {
        if (rangeStart != null && rangeEnd != null) {
            return new long[] {rangeStart.toEpochMilli(), rangeEnd.toEpochMilli()};
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (ChartSeries s : series) {
            if (s.times.length > 0) {
                min = Math.min(min, s.times[0]);
                max = Math.max(max, s.times[s.times.length - 1]);
            }
        }
        if (min == Long.MAX_VALUE) {
            long now = System.currentTimeMillis();
            return new long[] {now - 3_600_000, now};
        }
        if (max - min < 1_000) {
            return new long[] {min - 30_000, max + 30_000}; // a single sample sits in the middle of a minute
        }
        return new long[] {min, max};
    }

    private void updateState() {
        long[] w = window();
        hasData = false;
        for (ChartSeries s : series) {
            if (s.hasFiniteIn(w[0], w[1])) {
                hasData = true;
                break;
            }
        }
        String text;
        String kind;
        if (error != null) {
            text = error;
            kind = hasData ? "ph-chart-note" : "ph-chart-error";
        } else if (!hasData) {
            text = loading ? LOADING : NO_DATA;
            kind = loading ? "ph-chart-loading-message" : "ph-chart-empty";
        } else {
            text = "";
            kind = null;
        }
        message.getStyleClass().removeAll("ph-chart-note", "ph-chart-error", "ph-chart-empty",
                "ph-chart-loading-message");
        if (kind != null) {
            message.getStyleClass().add(kind);
        }
        message.setText(text);
        message.setVisible(kind != null);
        spinner.setVisible(loading);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = Math.max(0, snapSizeX(getWidth() - x - snappedRightInset()));
        double h = Math.max(0, snapSizeY(getHeight() - y - snappedBottomInset()));
        boolean showLegend = legendVisible && !series.isEmpty();
        legend.setVisible(showLegend);
        double legendHeight = showLegend
                ? snapSizeY(Math.min(legend.contentHeight(w), Math.max(30, Math.floor(h * 0.3)))) : 0;
        double plotHeight = Math.max(0, h - legendHeight - (showLegend ? LEGEND_GAP : 0));
        if (plot.getWidth() != w || plot.getHeight() != plotHeight) {
            plot.setWidth(w);
            plot.setHeight(plotHeight);
            overlay.setWidth(w);
            overlay.setHeight(plotHeight);
            plotDirty = true;
        }
        plot.relocate(x, y);
        overlay.relocate(x, y);
        if (showLegend) {
            legend.resizeRelocate(x, y + plotHeight + LEGEND_GAP, w, legendHeight);
        }
        if (plotDirty) {
            draw(w, plotHeight);
        }
        layoutMessage(x, y, w, plotHeight);
        spinner.resizeRelocate(x + w - 24, y + 2, 18, 18);
    }

    private void draw(double w, double h) {
        long[] window = window();
        area = renderer.draw(plot.getGraphicsContext2D(), new PlotRenderer.Frame(w, h, visible, markers, window[0],
                window[1], unit, zone, font, style));
        plotDirty = false;
        drawCount++;
        updateReadout();
    }

    private void layoutMessage(double x, double y, double w, double h) {
        if (!message.isVisible()) {
            return;
        }
        if (message.getStyleClass().contains("ph-chart-note")) {
            // A note sits above the lines, aligned with the plot, so the data stays readable below it.
            double left = area == null ? 0 : area.left();
            double width = Math.max(0, w - left - 12);
            message.resizeRelocate(x + left, y + 4, width, Math.min(h, message.prefHeight(width)));
            return;
        }
        double width = Math.max(0, Math.min(Math.min(w - 24, 520), message.prefWidth(-1)));
        double height = Math.min(h, message.prefHeight(width));
        message.resizeRelocate(snapPositionX(x + (w - width) / 2), snapPositionY(y + (h - height) / 2), width, height);
    }

    private void pointerAt(double px, double py) {
        pointerX = px;
        pointerY = py;
        pinnedTime = null;
        updateReadout();
    }

    private void keyPressed(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && readout.get() != null) {
            showCrosshairAt(null);
            e.consume();
        } else if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT) {
            stepCrosshair(e.getCode() == KeyCode.RIGHT ? 1 : -1);
            e.consume();
        }
    }

    /** Moves the crosshair to the previous or next sample of the first visible series with data. */
    private void stepCrosshair(int direction) {
        ChartSeries lead = visible.stream().filter(s -> s.times.length > 0).findFirst().orElse(null);
        if (lead == null) {
            return;
        }
        Readout now = readout.get();
        int index;
        if (now == null) {
            long[] w = window();
            index = direction > 0 ? lead.firstAtOrAfter(w[0]) : lead.firstAtOrAfter(w[1] + 1) - 1;
        } else {
            index = lead.nearest(now.time().toEpochMilli()) + direction;
        }
        index = Math.max(0, Math.min(lead.times.length - 1, index));
        showCrosshairAt(Instant.ofEpochMilli(lead.times[index]));
    }

    private void updateReadout() {
        Readout next = null;
        double y = pointerY;
        if (area != null) {
            long slack = (long) Math.ceil(area.millisPerPixel() * POINTER_SLACK_PIXELS);
            if (!Double.isNaN(pointerX) && area.contains(pointerX, pointerY)) {
                next = Crosshair.read(visible, area.timeAt(pointerX), slack, unit);
            } else if (pinnedTime != null && pinnedTime >= area.startMillis() && pinnedTime <= area.endMillis()) {
                next = Crosshair.read(visible, pinnedTime, slack, unit);
                y = area.top() + area.height() / 2;
            }
        }
        readout.set(next);
        overlayRenderer.draw(overlay.getGraphicsContext2D(), overlay.getWidth(), overlay.getHeight(), area, next, y,
                zone, font, style);
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + 640 + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + 320 + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + 160 + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + 120 + snappedBottomInset();
    }
}
