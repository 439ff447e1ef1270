package dev.pilothouse.desktop.chart;

import dev.pilothouse.sdk.metrics.MetricsService;
import dev.pilothouse.sdk.metrics.Panel;
import dev.pilothouse.sdk.metrics.Sample;
import dev.pilothouse.sdk.metrics.Series;
import dev.pilothouse.sdk.metrics.Unit;
import dev.pilothouse.sdk.ui.kit.chart.ChartPanelView;
import dev.pilothouse.sdk.ui.kit.chart.PanelBoard;
import dev.pilothouse.testkit.Eventually;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A board of panels draws only those whose metrics exist, and says which it left out and why. */
@ExtendWith(ApplicationExtension.class)
class PanelBoardUiTest {

    private static final Panel UTIL = Panel.of("util", "Utilisation", "avg(gpu_util{node=\"{{node}}\"})", Unit.PERCENT)
            .withRequiredMetrics("gpu_util");
    private static final Panel POWER = Panel.of("power", "Power", "sum(gpu_power)", Unit.WATTS)
            .withRequiredMetrics("gpu_power");

    /** Prometheus as the test wants it: which metrics exist, whether it answers, what it was asked. */
    static final class FakeMetrics implements MetricsService {
        volatile Set<String> existing = Set.of();
        volatile boolean failing;
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public boolean available(String cluster) {
            return !cluster.equals("no-prometheus");
        }

        @Override
        public CompletableFuture<List<Sample>> query(String cluster, String promql) {
            asked.add(promql);
            if (failing) {
                return CompletableFuture.failedFuture(new IllegalStateException("http://prom:9090: connection refused"));
            }
            // Answered on another thread, as a real client does.
            return CompletableFuture.supplyAsync(() -> existing.stream()
                    .map(m -> new Sample(Map.of("__name__", m), Instant.EPOCH, 1)).toList());
        }

        @Override
        public CompletableFuture<List<Series>> queryRange(String cluster, String promql, Instant start, Instant end,
                                                           Duration step) {
            asked.add(promql);
            return CompletableFuture.supplyAsync(() -> List.of(new Series(Map.of("node", "n1"),
                    new long[] {start.toEpochMilli(), end.toEpochMilli()}, new double[] {1, 2})));
        }
    }

    private final FakeMetrics metrics = new FakeMetrics();
    private PanelBoard board;

    @Start
    void start(Stage stage) {
        board = new PanelBoard(metrics);
        board.setEmptyText("No GPU metrics", "Install the DCGM exporter.");
        stage.setScene(new Scene(board, 1000, 700));
        stage.show();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    private void show(FxRobot robot, String cluster) {
        robot.interact(() -> board.show(cluster, List.of(UTIL, POWER), Map.of("node", "n1")));
    }

    @Test
    void aPanelWhoseMetricHasNoSeriesIsLeftOutWithANoteNamingTheMetric(FxRobot robot) throws Exception {
        metrics.existing = Set.of("gpu_util");
        show(robot, "prod");

        Eventually.await(Duration.ofSeconds(10), "charts shown", () -> fx(board::isShowingCharts));
        assertThat(fx(() -> board.charts().stream().map(Node::getId).toList())).containsExactly("panel-util");
        assertThat(fx(board::getNote)).isEqualTo("Not shown, because this cluster's Prometheus has no data for "
                + "them: Power (no series of gpu_power).");
        assertThat(metrics.asked.getFirst()).isEqualTo("count by (__name__) ({__name__=~\"gpu_power|gpu_util\"})");
        Eventually.await(Duration.ofSeconds(10), "the chart loads with its variables filled", () ->
                metrics.asked.contains("avg(gpu_util{node=\"n1\"})"));
        ChartPanelView chart = fx(() -> board.charts().getFirst());
        Eventually.await(Duration.ofSeconds(10), "the chart has data", () -> fx(() ->
                !chart.chart().getSeries().isEmpty()));
    }

    @Test
    void withNoPanelLeftTheBoardSaysWhatToInstall(FxRobot robot) throws Exception {
        show(robot, "prod");

        Eventually.await(Duration.ofSeconds(10), "the empty state", () -> fx(() ->
                robot.lookup("No GPU metrics").tryQuery().isPresent()));
        assertThat(fx(board::isShowingCharts)).isFalse();
        assertThat(robot.lookup("Install the DCGM exporter.").tryQuery()).isPresent();
    }

    @Test
    void aClusterWithoutPrometheusSaysSoWithoutAsking(FxRobot robot) throws Exception {
        show(robot, "no-prometheus");

        assertThat(robot.lookup("No Prometheus for no-prometheus").tryQuery()).isPresent();
        assertThat(metrics.asked).isEmpty();
    }

    @Test
    void aFailedDetectionShowsTheErrorAndRetryTriesAgain(FxRobot robot) throws Exception {
        metrics.failing = true;
        show(robot, "prod");
        Eventually.await(Duration.ofSeconds(10), "the error", () -> fx(() ->
                robot.lookup("http://prom:9090: connection refused").tryQuery().isPresent()));

        metrics.failing = false;
        metrics.existing = Set.of("gpu_util", "gpu_power");
        robot.interact(() -> robot.lookup(".button").lookup((Button b) -> b.getText().contains("Retry"))
                .queryButton().fire());

        Eventually.await(Duration.ofSeconds(10), "both charts after the retry", () -> fx(() ->
                board.charts().size() == 2));
        assertThat(fx(() -> robot.lookup("#panel-board-note").queryAs(Label.class).isVisible())).isFalse();
    }
}
