package dev.pilothouse.bench;

import dev.pilothouse.sdk.metrics.Series;
import dev.pilothouse.sdk.metrics.Unit;
import dev.pilothouse.sdk.ui.kit.chart.TimeSeriesChart;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Region;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * chart-render: the SDK's {@link TimeSeriesChart}, 1200x600 in the benchmark window, drawing 100 series of 1,440
 * points (a day at one-minute steps: smooth waves, noise, some gaps). Each iteration forces a full redraw, either
 * new data (two data sets alternate) or a resize (1200 and 1190 pixels wide alternate, which also downsamples
 * again), and measures on the FX thread the time from the change until layout has drawn the canvas
 * ({@code chart_render_*}), and until the renderer has painted the frame ({@code chart_frame_*}). For reference, the
 * same data drawn by JavaFX's own {@link LineChart} (symbols and animation off), a few times, timed to the painted
 * frame. Settings: {@code BENCH_CHART_ITERATIONS} (default 300), {@code BENCH_CHART_WARMUPS} (default 50),
 * {@code BENCH_LINECHART_RUNS} (default 3).
 */
final class ChartRenderBench {

    static final int SERIES = 100;
    static final int POINTS = 1_440;
    static final int WIDTH = 1_200;
    static final int HEIGHT = 600;
    private static final long STEP_MILLIS = 60_000;
    private static final double GIB = 1L << 30;

    private ChartRenderBench() {
    }

    static void run(Bench.Options o) throws Exception {
        int iterations = Bench.intEnv("BENCH_CHART_ITERATIONS", 300, 10, 100_000);
        int warmups = Bench.intEnv("BENCH_CHART_WARMUPS", 50, 0, 10_000);
        int lineChartRuns = Bench.intEnv("BENCH_LINECHART_RUNS", 3, 0, 20);
        long end = Instant.parse("2025-03-04T12:00:00Z").toEpochMilli();
        long start = end - (POINTS - 1) * STEP_MILLIS;
        List<List<Series>> dataSets = List.of(synthetic(start, 1), synthetic(start, 2));
        Figures.note("chart-render: %d series x %d points, %dx%d, %d warm-ups, %d iterations", SERIES, POINTS, WIDTH,
                HEIGHT, warmups, iterations);

        FxStage.start();
        TimeSeriesChart chart = FxStage.onFx(() -> {
            TimeSeriesChart c = new TimeSeriesChart();
            c.setUnit(Unit.BYTES);
            c.setRange(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end));
            size(c, WIDTH);
            FxStage.show(c);
            return c;
        });

        Samples render = new Samples(iterations);
        Samples frame = new Samples(iterations);
        for (int i = 0; i < warmups + iterations; i++) {
            long[] nanos = redraw(chart, i, dataSets);
            if (i >= warmups) {
                render.add(nanos[0]);
                frame.add(nanos[1]);
            }
        }
        Figures.print("chart_render_p50_ms", render.percentileMillis(50), "ms");
        Figures.print("chart_render_p99_ms", render.percentileMillis(99), "ms");
        Figures.print("chart_render_max_ms", render.maxMillis(), "ms");
        Figures.print("chart_frame_p50_ms", frame.percentileMillis(50), "ms");
        Figures.print("chart_frame_p99_ms", frame.percentileMillis(99), "ms");

        if (lineChartRuns > 0) {
            List<Double> lineChart = new ArrayList<>();
            for (int run = 0; run < lineChartRuns; run++) {
                System.gc();
                double ms = lineChartFrameMillis(dataSets.get(run % 2), start, end);
                Figures.note("JavaFX LineChart run %d: %.1f ms to the painted frame", run, ms);
                lineChart.add(ms);
            }
            double median = Figures.median(lineChart);
            Figures.print("javafx_linechart_render_ms", median, "ms");
            Figures.print("chart_render_ratio_vs_javafx_linechart", frame.percentileMillis(50) / median, "x");
        }
        FxStage.onFx(FxStage::clear);
    }

    /**
     * One full redraw: even iterations set the other data set, odd ones change the width. Returns the FX-thread
     * time until the canvas is drawn and the time until the frame is painted, in nanoseconds.
     */
    private static long[] redraw(TimeSeriesChart chart, int i, List<List<Series>> dataSets) throws InterruptedException {
        CountDownLatch painted = new CountDownLatch(1);
        long[] t = new long[3];
        FxStage.onFx(() -> {
            long drawsBefore = chart.getDrawCount();
            t[0] = System.nanoTime();
            if (i % 2 == 0) {
                chart.setSeries(dataSets.get((i / 2) % 2));
            } else {
                size(chart, (i / 2) % 2 == 0 ? WIDTH - 10 : WIDTH);
            }
            chart.getParent().applyCss();
            chart.getParent().layout();
            t[1] = System.nanoTime();
            if (chart.getDrawCount() != drawsBefore + 1) {
                throw new IllegalStateException("iteration " + i + " drew " + (chart.getDrawCount() - drawsBefore)
                        + " times, expected once");
            }
            FxStage.afterNextFrame(() -> {
                t[2] = System.nanoTime();
                painted.countDown();
            });
        });
        if (!painted.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no frame painted within 30 s");
        }
        return new long[] {t[1] - t[0], t[2] - t[0]};
    }

    /** JavaFX's LineChart with the same data: from setting the data to the painted frame, in milliseconds. */
    private static double lineChartFrameMillis(List<Series> data, long start, long end) throws InterruptedException {
        // The chart's data objects are built beforehand, as the SDK chart's series are: only drawing is timed.
        ObservableList<XYChart.Series<Number, Number>> series = FXCollections.observableArrayList();
        for (Series s : data) {
            ObservableList<XYChart.Data<Number, Number>> points = FXCollections.observableArrayList();
            for (int i = 0; i < s.times().length; i++) {
                if (!Double.isNaN(s.values()[i])) {
                    points.add(new XYChart.Data<>(s.times()[i], s.values()[i]));
                }
            }
            series.add(new XYChart.Series<>(s.labels().get("pod"), points));
        }
        CountDownLatch painted = new CountDownLatch(1);
        long[] t = new long[2];
        FxStage.onFx(() -> {
            NumberAxis x = new NumberAxis(start, end, 3_600_000);
            NumberAxis y = new NumberAxis();
            LineChart<Number, Number> chart = new LineChart<>(x, y);
            chart.setAnimated(false);
            chart.setCreateSymbols(false);
            size(chart, WIDTH);
            FxStage.show(chart);
            t[0] = System.nanoTime();
            chart.setData(series);
            chart.getParent().applyCss();
            chart.getParent().layout();
            FxStage.afterNextFrame(() -> {
                t[1] = System.nanoTime();
                painted.countDown();
            });
        });
        if (!painted.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("LineChart painted no frame within 300 s");
        }
        return Figures.millis(t[1] - t[0]);
    }

    private static void size(Region r, double width) {
        r.setMinSize(width, HEIGHT);
        r.setPrefSize(width, HEIGHT);
        r.setMaxSize(width, HEIGHT);
    }

    /**
     * A day of memory use for 100 pods: a daily wave plus a faster one, noise, and for every seventh pod a gap of
     * 20-80 minutes (a restart that reported nothing), reproducible from the seed.
     */
    static List<Series> synthetic(long start, long seed) {
        Random random = new Random(seed);
        List<Series> out = new ArrayList<>(SERIES);
        for (int s = 0; s < SERIES; s++) {
            long[] t = new long[POINTS];
            double[] v = new double[POINTS];
            double base = (1 + random.nextDouble() * 15) * GIB;
            double slow = base * (0.05 + random.nextDouble() * 0.2);
            double fast = base * random.nextDouble() * 0.05;
            double phase = random.nextDouble() * Math.PI * 2;
            double fastPeriod = 30 + random.nextDouble() * 120;
            for (int i = 0; i < POINTS; i++) {
                t[i] = start + i * STEP_MILLIS;
                v[i] = base + slow * Math.sin(2 * Math.PI * i / POINTS + phase)
                        + fast * Math.sin(2 * Math.PI * i / fastPeriod) + random.nextGaussian() * base * 0.01;
            }
            if (s % 7 == 3) {
                int gapStart = random.nextInt(POINTS - 100);
                int gapLength = 20 + random.nextInt(60);
                for (int i = gapStart; i < gapStart + gapLength; i++) {
                    v[i] = Double.NaN;
                }
            }
            out.add(new Series(Map.of("pod", "trainer-" + s, "namespace", "ml-" + (s % 5)), t, v));
        }
        return out;
    }
}
