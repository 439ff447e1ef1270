package dev.pilothouse.desktop.chart;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import dev.pilothouse.sdk.metrics.Series;
import dev.pilothouse.sdk.metrics.Unit;
import dev.pilothouse.sdk.ui.kit.chart.ChartPanelView;
import dev.pilothouse.sdk.ui.kit.chart.RangePreset;
import dev.pilothouse.sdk.ui.kit.chart.Readout;
import dev.pilothouse.sdk.ui.kit.chart.TimeRange;
import dev.pilothouse.sdk.ui.kit.chart.TimeSeriesChart;
import dev.pilothouse.testkit.Eventually;
import dev.pilothouse.themes.ThemesPlugin;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time-series chart panel driven like a user would (pointer, clicks, keyboard) against a loader the test
 * controls: which ranges are asked for, what arrives, in which order, and what fails. Headless (Monocle).
 */
@ExtendWith(ApplicationExtension.class)
class ChartUiTest {

    private static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");
    private static final long GIB = 1L << 30;

    private final Loader loader = new Loader();
    private ChartPanelView panel;
    private Scene scene;

    /** The test's stand-in for Prometheus: records each request and lets the test complete it. */
    static final class Loader implements java.util.function.Function<TimeRange, CompletableFuture<List<Series>>> {
        record Request(TimeRange range, CompletableFuture<List<Series>> future) {
        }

        final List<Request> requests = new CopyOnWriteArrayList<>();
        volatile boolean answerAtOnce;

        @Override
        public CompletableFuture<List<Series>> apply(TimeRange range) {
            CompletableFuture<List<Series>> f = new CompletableFuture<>();
            requests.add(new Request(range, f));
            if (answerAtOnce) {
                // As a real client does: the answer arrives on another thread.
                CompletableFuture.runAsync(() -> f.complete(pods(range, "a", "b")));
            }
            return f;
        }

        Request awaitRequest(int n) {
            Eventually.await(Duration.ofSeconds(10), "request " + n + " is made", () -> requests.size() >= n,
                    () -> requests.size() + " requests");
            return requests.get(n - 1);
        }
    }

    /** GPU memory of some pods over the range: a gentle wave per pod, a different level each. */
    static List<Series> pods(TimeRange range, String... names) {
        List<Series> out = new ArrayList<>();
        int n = (int) range.points();
        for (int p = 0; p < names.length; p++) {
            long[] t = new long[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = range.start().toEpochMilli() + i * range.step().toMillis();
                v[i] = (p + 1) * GIB + Math.sin(i / 30.0) * 0.2 * GIB;
            }
            out.add(new Series(Map.of("pod", names[p]), t, v));
        }
        return out;
    }

    @Start
    void start(Stage stage) {
        panel = new ChartPanelView("GPU memory", Unit.BYTES, loader, Clock.fixed(NOW, ZoneOffset.UTC));
        panel.chart().setLegendLabel(s -> s.labels().get("pod"));
        StackPane root = new StackPane(panel);
        root.setPadding(new Insets(12));
        scene = new Scene(root, 960, 540);
        scene.setUserAgentStylesheet(userAgent(new PrimerLight()));
        scene.getStylesheets().setAll(ThemesPlugin.APP_SHEET);
        stage.setScene(scene);
        stage.show();
    }

    private static String userAgent(Theme theme) {
        return Objects.requireNonNull(ThemesPlugin.class.getResource(theme.getUserAgentStylesheet())).toExternalForm();
    }

    private static <T> T fx(Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    private static void fx(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    private void awaitFx(String what, Callable<Boolean> condition) {
        Eventually.await(Duration.ofSeconds(10), what, () -> fx(condition));
    }

    private TimeSeriesChart chart() {
        return panel.chart();
    }

    /** Answers the first request with pods a and b and waits until the chart shows them. */
    private void loadTwoPods() {
        Loader.Request first = loader.awaitRequest(1);
        first.future().complete(pods(first.range(), "a", "b"));
        awaitFx("the chart shows two series", () -> chart().getSeries().size() == 2 && !chart().isLoading());
    }

    private List<ToggleButton> legendItems(FxRobot robot) {
        return new ArrayList<>(robot.lookup(".ph-chart-legend-item").queryAllAs(ToggleButton.class));
    }

    private ToggleButton legendItem(FxRobot robot, String text) {
        return legendItems(robot).stream().filter(b -> b.getText().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void loadsTheLastHourWhenShownAndDrawsALegendEntryPerSeries(FxRobot robot) {
        Loader.Request first = loader.awaitRequest(1);

        assertThat(first.range().end()).isEqualTo(NOW);
        assertThat(first.range().duration()).isEqualTo(Duration.ofHours(1));
        assertThat(first.range().step()).isEqualTo(Duration.ofSeconds(5));
        assertThat(fx(() -> chart().getStateMessage())).isEqualTo(TimeSeriesChart.LOADING);

        first.future().complete(pods(first.range(), "a", "b", "c"));

        awaitFx("three series are drawn", () -> chart().getSeries().size() == 3 && chart().getDrawCount() > 0);
        assertThat(legendItems(robot)).extracting(ToggleButton::getText).containsExactly("a", "b", "c");
        assertThat(legendItems(robot)).allMatch(ToggleButton::isSelected);
        assertThat(fx(() -> chart().getStateMessage())).isEmpty();
        assertThat(fx(() -> chart().isLoading())).isFalse();
    }

    @Test
    void theCrosshairReadsOutTheTimeAndEachValueInTheUnit(FxRobot robot) {
        loadTwoPods();
        Point2D inPlot = fx(() -> chart().localToScreen(chart().getWidth() * 0.6, chart().getHeight() * 0.3));

        robot.moveTo(inPlot);

        awaitFx("the crosshair reads out", () -> chart().getReadout() != null);
        Readout readout = fx(() -> chart().getReadout());
        assertThat(readout.time()).isBetween(NOW.minus(Duration.ofHours(1)), NOW);
        assertThat(readout.time().toEpochMilli() % 5_000).as("snapped to a sample").isZero();
        assertThat(readout.entries()).extracting(Readout.Entry::label).containsExactly("b", "a");
        assertThat(readout.entries()).extracting(Readout.Entry::text).allMatch(t -> t.endsWith(" GiB")
                || t.endsWith(" MiB"));

        robot.moveTo(fx(() -> panel.localToScreen(4, 4)));
        awaitFx("the crosshair hides when the pointer leaves", () -> chart().getReadout() == null);
    }

    @Test
    void clickingALegendEntryHidesItsSeriesAndClickingAgainShowsIt(FxRobot robot) {
        loadTwoPods();
        Map<String, String> b = Map.of("pod", "b");

        robot.clickOn(legendItem(robot, "b"));

        awaitFx("b is hidden", () -> !chart().isSeriesVisible(b));
        assertThat(legendItem(robot, "b").isSelected()).isFalse();
        fx(() -> chart().showCrosshairAt(NOW.minusSeconds(600)));
        assertThat(fx(() -> chart().getReadout()).entries()).extracting(Readout.Entry::label).containsExactly("a");

        robot.clickOn(legendItem(robot, "b"));

        awaitFx("b is shown again", () -> chart().isSeriesVisible(b));
    }

    @Test
    void theCrosshairAndTheLegendWorkFromTheKeyboard(FxRobot robot) {
        loadTwoPods();
        robot.clickOn(fx(() -> chart().localToScreen(chart().getWidth() * 0.5, chart().getHeight() * 0.3)));
        robot.moveTo(fx(() -> panel.localToScreen(4, 4)));
        awaitFx("a click focuses the chart", () -> chart().isFocused());

        robot.type(KeyCode.LEFT);
        awaitFx("Left puts the crosshair on the last sample", () -> chart().getReadout() != null
                && chart().getReadout().time().equals(NOW));
        robot.type(KeyCode.LEFT);
        awaitFx("Left again steps one sample back", () -> chart().getReadout().time().equals(NOW.minusSeconds(5)));
        robot.type(KeyCode.ESCAPE);
        awaitFx("Escape hides it", () -> chart().getReadout() == null);

        robot.type(KeyCode.TAB);
        awaitFx("Tab reaches the first legend entry", () -> scene.getFocusOwner() == legendItem(robot, "a"));
        robot.type(KeyCode.SPACE);

        awaitFx("Space hides a", () -> !chart().isSeriesVisible(Map.of("pod", "a")));
    }

    @Test
    void hiddenSeriesStayHiddenAcrossRefreshes(FxRobot robot) {
        loadTwoPods();
        fx(() -> chart().setSeriesVisible(Map.of("pod", "a"), false));

        robot.clickOn(".ph-chart-refresh");
        Loader.Request second = loader.awaitRequest(2);
        second.future().complete(pods(second.range(), "a", "b"));

        awaitFx("the refresh arrived", () -> !chart().isLoading());
        assertThat(fx(() -> chart().isSeriesVisible(Map.of("pod", "a")))).isFalse();
        assertThat(legendItem(robot, "a").isSelected()).isFalse();
    }

    @Test
    void choosingARangeLoadsItWithAStepWithinThePointBudget(FxRobot robot) {
        loadTwoPods();

        robot.clickOn(rangeButton(robot, "7d"));

        Loader.Request week = loader.awaitRequest(2);
        assertThat(week.range().duration()).isEqualTo(Duration.ofDays(7));
        assertThat(week.range().step()).isEqualTo(Duration.ofMinutes(10));
        assertThat(week.range().points()).isLessThanOrEqualTo(RangePreset.MAX_POINTS);
        assertThat(fx(() -> panel.getRange())).isEqualTo(RangePreset.LAST_7_DAYS);

        robot.clickOn(rangeButton(robot, "7d"));
        assertThat(rangeButton(robot, "7d").isSelected()).as("one range stays selected").isTrue();
    }

    private static ToggleButton rangeButton(FxRobot robot, String label) {
        return robot.lookup(".ph-chart-range-button").queryAllAs(ToggleButton.class).stream()
                .filter(b -> b.getText().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void aSlowOlderAnswerIsDroppedWhenANewerOneArrivedFirst(FxRobot robot) {
        Loader.Request slow = loader.awaitRequest(1);
        robot.clickOn(".ph-chart-refresh");
        Loader.Request fresh = loader.awaitRequest(2);

        fresh.future().complete(pods(fresh.range(), "fresh"));
        awaitFx("the newer answer shows", () -> chart().getSeries().size() == 1);
        slow.future().complete(pods(slow.range(), "stale-1", "stale-2"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> chart().getSeries())).extracting(s -> s.labels().get("pod")).containsExactly("fresh");
    }

    @Test
    void aFailedRefreshKeepsTheLastDataVisibleWithANote(FxRobot robot) {
        loadTwoPods();

        robot.clickOn(".ph-chart-refresh");
        loader.awaitRequest(2).future().completeExceptionally(new IOException("connection refused"));

        awaitFx("the failure is noted", () -> chart().getError() != null);
        assertThat(fx(() -> chart().getStateMessage()))
                .isEqualTo("Refresh failed: connection refused. Showing data from 10:00:00.");
        assertThat(fx(() -> chart().getSeries())).hasSize(2);
        assertThat(robot.lookup(".ph-chart-note").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void aFailureWithoutDataShowsTheErrorInPlaceOfThePlot(FxRobot robot) {
        loader.awaitRequest(1).future().completeExceptionally(
                new IllegalStateException("prometheus http://prom:9090: 503 Service Unavailable"));

        awaitFx("the error shows", () -> chart().getError() != null);
        assertThat(fx(() -> chart().getStateMessage())).isEqualTo("prometheus http://prom:9090: 503 Service Unavailable");
        assertThat(robot.lookup(".ph-chart-error").queryAs(Label.class).isVisible()).isTrue();
        assertThat(fx(() -> chart().isLoading())).isFalse();
    }

    @Test
    void anEmptyAnswerSaysThereIsNoDataForTheRange() {
        loader.awaitRequest(1).future().complete(List.of());

        awaitFx("the empty state shows", () -> !chart().isLoading());
        assertThat(fx(() -> chart().getStateMessage())).isEqualTo(TimeSeriesChart.NO_DATA);
    }

    @Test
    void autoRefreshReloadsOnATimerUntilTurnedOff(FxRobot robot) {
        loader.answerAtOnce = true;
        loadTwoPods();
        int before = loader.requests.size();

        fx(() -> panel.setAutoRefresh(Duration.ofMillis(150)));

        Eventually.await(Duration.ofSeconds(10), "two timed reloads", () -> loader.requests.size() >= before + 2);
        fx(() -> panel.setAutoRefresh(Duration.ZERO));
        assertThat(fx(() -> panel.getAutoRefresh())).isEqualTo(Duration.ZERO);
        assertThat(fx(() -> robot.lookup(".ph-chart-auto-refresh").queryComboBox().getValue()))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void manyChangesInOnePulseDrawOnce() {
        loadTwoPods();
        TimeRange hour = loader.requests.getFirst().range();
        // Let the load's own redraw (and the header's "Updated" text reflowing the panel) happen first.
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        });
        long before = fx(() -> chart().getDrawCount());

        fx(() -> {
            for (int i = 0; i < 5; i++) {
                chart().setSeries(pods(hour, "a", "b"));
            }
            chart().setUnit(Unit.BYTES);
            chart().setRange(hour.start(), hour.end());
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> chart().getDrawCount())).isEqualTo(before + 1);
    }

    @Test
    void seriesColoursComeFromTheThemeAndFollowADarkTheme(FxRobot robot) {
        loadTwoPods();
        Region probe = new Region();
        probe.setStyle("-fx-background-color: -color-accent-fg;");
        fx(() -> ((StackPane) scene.getRoot()).getChildren().add(probe));
        WaitForAsyncUtils.waitForFxEvents();
        Paint lightAccent = fx(() -> probe.getBackground().getFills().getFirst().getFill());

        assertThat(fx(() -> chart().seriesColor(0))).isEqualTo(lightAccent);
        Region swatch = (Region) legendItem(robot, "a").getGraphic();
        assertThat(fx(() -> swatch.getBackground().getFills().getFirst().getFill())).isEqualTo(lightAccent);

        fx(() -> scene.setUserAgentStylesheet(userAgent(new PrimerDark())));
        WaitForAsyncUtils.waitForFxEvents();
        Paint darkAccent = fx(() -> probe.getBackground().getFills().getFirst().getFill());

        assertThat(darkAccent).isNotEqualTo(lightAccent);
        assertThat(fx(() -> chart().seriesColor(0))).isEqualTo(darkAccent);
        assertThat(fx(() -> chart().seriesColor(1))).isNotEqualTo(darkAccent);
    }

    @Test
    void theRangesAndTheRefreshButtonWorkFromTheKeyboard(FxRobot robot) {
        loadTwoPods();
        robot.clickOn(rangeButton(robot, "15m"));
        loader.awaitRequest(2);
        Button refresh = robot.lookup(".ph-chart-refresh").queryAs(Button.class);

        for (int i = 0; i < 6 && fx(() -> scene.getFocusOwner() != refresh); i++) {
            robot.type(KeyCode.TAB);
        }
        awaitFx("Tab reaches the refresh button", () -> scene.getFocusOwner() == refresh);
        robot.type(KeyCode.SPACE);

        assertThat(loader.awaitRequest(3).range().duration()).isEqualTo(Duration.ofMinutes(15));
    }

    static Stream<List<Series>> oddData() {
        long end = NOW.toEpochMilli();
        Map<String, String> l = Map.of("pod", "odd");
        return Stream.of(
                List.of(),
                List.of(new Series(l, new long[0], new double[0])),
                List.of(new Series(l, new long[] {end - 60_000}, new double[] {42})),
                List.of(new Series(l, new long[] {end - 20_000, end - 10_000}, new double[] {Double.NaN, Double.NaN})),
                List.of(new Series(l, new long[] {end - 30_000, end - 20_000, end - 10_000}, new double[] {7, 7, 7})),
                List.of(new Series(l, new long[] {end - 30_000, end - 20_000, end - 10_000},
                        new double[] {Double.POSITIVE_INFINITY, 1, Double.NEGATIVE_INFINITY})),
                List.of(new Series(l, new long[] {end - 10_000, end - 30_000, end - 20_000}, new double[] {3, 1, 2})),
                List.of(new Series(l, new long[] {end - 30_000, end - 20_000}, new double[] {-1e308, 1e308})),
                List.of(new Series(l, new long[] {end - 7_200_000, end - 7_100_000}, new double[] {1, 2})));
    }

    @ParameterizedTest
    @MethodSource("oddData")
    void oddDataNeverBreaksTheChart(List<Series> data) {
        loader.awaitRequest(1);
        long before = fx(() -> chart().getDrawCount());

        fx(() -> {
            chart().setSeries(data);
            chart().layout();
            chart().showCrosshairAt(NOW.minusSeconds(20));
            chart().showCrosshairAt(null);
        });

        assertThat(fx(() -> chart().getDrawCount())).isGreaterThan(before);
        boolean plottable = data.stream().anyMatch(s -> {
            for (int i = 0; i < s.values().length; i++) {
                if (Double.isFinite(s.values()[i]) && s.times()[i] >= NOW.minusSeconds(3_600).toEpochMilli()) {
                    return true;
                }
            }
            return false;
        });
        assertThat(fx(() -> chart().getStateMessage())).isEqualTo(plottable ? "" : TimeSeriesChart.LOADING);
    }
}
