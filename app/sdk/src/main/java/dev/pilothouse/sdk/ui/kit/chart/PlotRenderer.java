package dev.pilothouse.sdk.ui.kit.chart;

import dev.pilothouse.sdk.metrics.Unit;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.time.ZoneId;
import java.util.List;

/**
 * Draws the grid, axes and lines of a chart onto a canvas. Called only when something changed; the per-point work
 * is arithmetic into two reused coordinate buffers and one polyline call per unbroken run, so drawing allocates no
 * object per point.
 */
final class PlotRenderer {

    /** Lines are this wide while few enough to tell apart; thinner when many overlap. */
    private static final double LINE_WIDTH = 1.5;
    private static final double CROWDED_LINE_WIDTH = 1.0;
    private static final int CROWDED = 10;
    /**
     * The most points drawn in total. Rasterising the lines (antialiased, on the render thread) is what a frame
     * costs, and it grows with the points drawn; with dozens of overlapping series, one point per pixel for each
     * shows nothing the eye can tell from fewer, so the per-pixel budget is shared out once it would exceed this.
     */
    static final int TOTAL_POINT_BUDGET = 50_000;
    private static final double MIN_TIME_LABEL_SPACING = 90;
    private static final double MIN_VALUE_TICK_SPACING = 36;

    private final Text measure = new Text();
    private double[] xs = new double[256];
    private double[] ys = new double[256];

    /** The inputs of one drawing. */
    record Frame(double width, double height, List<ChartSeries> visible, List<ChartMarker> markers, long start,
                 long end, Unit unit, ZoneId zone, Font font, ChartStyle style) {
    }

    /** Draws a frame and returns where the plot went, or null when the canvas is too small to draw on. */
    PlotArea draw(GraphicsContext gc, Frame f) {
        gc.clearRect(0, 0, f.width(), f.height());
        if (f.width() < 40 || f.height() < 40) {
            return null;
        }
        int threshold = pointsPerSeries((int) f.width(), f.visible().size());
        TimeValues[] sampled = new TimeValues[f.visible().size()];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < sampled.length; s++) {
            TimeValues tv = f.visible().get(s).sampled(f.start(), f.end(), threshold);
            sampled[s] = tv;
            long[] t = tv.times();
            double[] v = tv.values();
            for (int i = 0; i < t.length; i++) {
                if (t[i] >= f.start() && t[i] <= f.end() && v[i] == v[i]) { // v == v: not NaN
                    min = Math.min(min, v[i]);
                    max = Math.max(max, v[i]);
                }
            }
        }
        double[] valueRange = valueRange(min, max, f.markers());
        min = valueRange[0];
        max = valueRange[1];

        measure.setFont(f.font());
        measure.setText("0");
        double lineHeight = Math.ceil(measure.getLayoutBounds().getHeight());
        double top = Math.ceil(lineHeight / 2) + 2;
        double bottom = lineHeight + 8;
        double plotHeight = Math.max(1, f.height() - top - bottom);

        Unit.Scale scale = f.unit().scale(Math.max(Math.abs(min), Math.abs(max)));
        ValueTicks ticks = ValueTicks.of(min / scale.divisor(), max / scale.divisor(),
                Math.max(2, (int) (plotHeight / MIN_VALUE_TICK_SPACING)));
        String[] labels = new String[ticks.count()];
        double labelWidth = 0;
        for (int i = 0; i < labels.length; i++) {
            labels[i] = scale.label(ticks.value(i), ticks.decimals());
            measure.setText(labels[i]);
            labelWidth = Math.max(labelWidth, measure.getLayoutBounds().getWidth());
        }
        double left = Math.ceil(labelWidth) + 10;
        double right = 12;
        double plotWidth = Math.max(1, f.width() - left - right);
        PlotArea area = new PlotArea(left, top, plotWidth, plotHeight, f.start(), f.end(),
                ticks.min() * scale.divisor(), ticks.max() * scale.divisor());

        gc.setFont(f.font());
        gc.setLineWidth(1);
        drawValueGrid(gc, f, area, ticks, labels, scale);
        drawTimeGrid(gc, f, area, lineHeight);
        gc.setStroke(f.style().axis.get());
        double axisY = crisp(top + plotHeight);
        gc.strokeLine(left, axisY, left + plotWidth, axisY);

        gc.save();
        gc.beginPath();
        gc.rect(left, top, plotWidth, plotHeight);
        gc.clip();
        double lineWidth = sampled.length > CROWDED ? CROWDED_LINE_WIDTH : LINE_WIDTH;
        gc.setLineWidth(lineWidth);
        gc.setLineJoin(StrokeLineJoin.BEVEL); // round joins cost a curve per point when rasterised
        for (int s = 0; s < sampled.length; s++) {
            ChartSeries series = f.visible().get(s);
            gc.setStroke(f.style().series(series.colorIndex));
            gc.setFill(f.style().series(series.colorIndex));
            drawLine(gc, sampled[s], area, lineWidth);
        }
        gc.restore();
        drawMarkers(gc, f, area);
        return area;
    }

    private static void drawValueGrid(GraphicsContext gc, Frame f, PlotArea area, ValueTicks ticks, String[] labels,
                                      Unit.Scale scale) {
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < labels.length; i++) {
            double y = crisp(area.yOf(ticks.value(i) * scale.divisor()));
            gc.setStroke(f.style().grid.get());
            gc.strokeLine(area.left(), y, area.left() + area.width(), y);
            gc.setFill(f.style().text.get());
            gc.fillText(labels[i], area.left() - 6, y);
        }
    }

    private static void drawTimeGrid(GraphicsContext gc, Frame f, PlotArea area, double lineHeight) {
        TimeTicks ticks = TimeTicks.of(f.start(), f.end(),
                Math.max(1, (int) (area.width() / MIN_TIME_LABEL_SPACING)), f.zone());
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        double labelY = area.top() + area.height() + 4;
        for (int i = 0; i < ticks.count(); i++) {
            double x = crisp(area.xOf(ticks.time(i)));
            gc.setStroke(f.style().grid.get());
            gc.strokeLine(x, area.top(), x, area.top() + area.height());
            gc.setFill(f.style().text.get());
            // Keep edge labels inside the canvas: a label is about 40 px wide either side of its tick.
            double labelX = Math.min(f.width() - 40, Math.max(40, x));
            gc.fillText(ticks.label(i), labelX, labelY);
        }
    }

    /**
     * The values the axis must span: the data's ({@code min > max} when there is none) widened to every threshold,
     * so a line that never reaches its threshold still shows how far away it is.
     */
    static double[] valueRange(double min, double max, List<ChartMarker> markers) {
        boolean anyData = min <= max;
        for (ChartMarker m : markers) {
            if (m instanceof ChartMarker.Threshold t) {
                min = Math.min(min, t.value());
                max = Math.max(max, t.value());
            }
        }
        if (min > max) {
            return new double[] {0, 1};
        }
        if (!anyData && min == max) {
            // Only a threshold: give it room rather than a zero-height axis.
            double room = Math.max(1, Math.abs(min) * 0.1);
            return new double[] {min - room, max + room};
        }
        return new double[] {min, max};
    }

    /** Markers over the lines, dashed so they read as references rather than data. */
    private static void drawMarkers(GraphicsContext gc, Frame f, PlotArea area) {
        if (f.markers().isEmpty()) {
            return;
        }
        gc.save();
        gc.setStroke(f.style().marker.get());
        gc.setFill(f.style().marker.get());
        gc.setLineWidth(1);
        gc.setLineDashes(5, 4);
        for (ChartMarker m : f.markers()) {
            switch (m) {
                case ChartMarker.Moment moment -> {
                    long t = moment.time().toEpochMilli();
                    if (t < f.start() || t > f.end()) {
                        continue;
                    }
                    double x = crisp(area.xOf(t));
                    gc.strokeLine(x, area.top(), x, area.top() + area.height());
                    boolean roomOnRight = x + 120 < area.left() + area.width();
                    gc.setTextAlign(roomOnRight ? TextAlignment.LEFT : TextAlignment.RIGHT);
                    gc.setTextBaseline(VPos.TOP);
                    gc.fillText(moment.label(), roomOnRight ? x + 4 : x - 4, area.top() + 2);
                }
                case ChartMarker.Threshold threshold -> {
                    double y = crisp(area.yOf(threshold.value()));
                    gc.strokeLine(area.left(), y, area.left() + area.width(), y);
                    gc.setTextAlign(TextAlignment.RIGHT);
                    gc.setTextBaseline(VPos.BOTTOM);
                    gc.fillText(threshold.label(), area.left() + area.width() - 4, y - 2);
                }
            }
        }
        gc.restore();
    }

    /** One series: a polyline per unbroken run; a lone point between gaps as a dot so it stays visible. */
    private void drawLine(GraphicsContext gc, TimeValues tv, PlotArea area, double lineWidth) {
        long[] t = tv.times();
        double[] v = tv.values();
        ensureCapacity(t.length);
        double x0 = area.left();
        double xScale = area.width() / (double) (area.endMillis() - area.startMillis());
        double yBase = area.top() + area.height();
        double yScale = area.height() / (area.maxValue() - area.minValue());
        double minValue = area.minValue();
        long start = area.startMillis();
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            double value = v[i];
            if (value != value) { // NaN: a gap
                n = flush(gc, n, lineWidth);
                continue;
            }
            xs[n] = x0 + (t[i] - start) * xScale;
            ys[n] = yBase - (value - minValue) * yScale;
            n++;
        }
        flush(gc, n, lineWidth);
    }

    private int flush(GraphicsContext gc, int n, double lineWidth) {
        if (n == 1) {
            gc.fillOval(xs[0] - lineWidth * 1.5, ys[0] - lineWidth * 1.5, lineWidth * 3, lineWidth * 3);
        } else if (n > 1) {
            gc.strokePolyline(xs, ys, n);
        }
        return 0;
    }

    /** About one point per pixel per series, shared out when that would exceed {@link #TOTAL_POINT_BUDGET}. */
    static int pointsPerSeries(int width, int series) {
        int perPixel = Math.max(2, width);
        if (series <= 0) {
            return perPixel;
        }
        return Math.max(Math.min(perPixel, 100), Math.min(perPixel, TOTAL_POINT_BUDGET / series));
    }

    private void ensureCapacity(int n) {
        if (xs.length < n) {
            int size = Math.max(n, xs.length * 2);
            xs = new double[size];
            ys = new double[size];
        }
    }

    /** The centre of a pixel row or column, so 1-pixel lines are sharp rather than smeared over two. */
    private static double crisp(double v) {
        return Math.floor(v) + 0.5;
    }
}
