package dev.pilothouse.desktop.diagnostics;

import atlantafx.base.theme.PrimerLight;
import dev.pilothouse.core.diagnostics.SelfMetrics;
import dev.pilothouse.core.metrics.EndpointKind;
import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.cluster.ConnectionState;
import dev.pilothouse.sdk.cluster.ConnectionStatus;
import dev.pilothouse.testkit.Eventually;
import dev.pilothouse.themes.ThemesPlugin;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The diagnostics view shows the console's own figures and keeps them current while visible. Headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class DiagnosticsViewTest {

    private final SelfMetrics metrics = new SelfMetrics();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("starting"), 1280, 800));
        stage.show();
    }

    /** Builds the view in the stage and activates it, as the shell does when the user opens it. */
    private DiagnosticsView open(URI served) {
        return fx(() -> {
            DiagnosticsView view = new DiagnosticsView(metrics, served);
            Scene scene = new Scene((javafx.scene.Parent) view.node(), 1280, 800);
            scene.setUserAgentStylesheet(Objects.requireNonNull(ThemesPlugin.class.getResource(
                    new PrimerLight().getUserAgentStylesheet())).toExternalForm());
            scene.getStylesheets().setAll(ThemesPlugin.APP_SHEET);
            stage.setScene(scene);
            view.activate();
            return view;
        });
    }

    private static <T> T fx(Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    private String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> rows(FxRobot robot, String id) {
        return fx(() -> List.copyOf((List<T>) robot.lookup(id).queryAs(TableView.class).getItems()));
    }

    private void awaitText(FxRobot robot, String id, String expected) {
        Eventually.await(Duration.ofSeconds(10), id + " shows " + expected, () -> text(robot, id).equals(expected),
                () -> text(robot, id));
    }

    private void feedFigures() {
        ConnectionStatus live = new ConnectionStatus(ConnectionState.LIVE, Instant.EPOCH, Instant.EPOCH, "");
        ConnectionStatus stale = new ConnectionStatus(ConnectionState.STALE, Instant.EPOCH, Instant.EPOCH, "gone");
        metrics.trackConnections(() -> List.of(new ClusterInfo("demo-prod", "https://prod", "", live),
                new ClusterInfo("demo-staging", "https://staging", "", stale)));
        metrics.trackQueue("fx_flushes", () -> 2);
        metrics.trackQueue("watch_tasks", () -> 1);
        metrics.trackWatches(() -> 7);
        metrics.event("demo-prod", "pods");
        metrics.reconnect("demo-staging");
        metrics.reconnect("demo-staging");
        for (int i = 1; i <= 10; i++) {
            metrics.answered("demo-prod", EndpointKind.PROMETHEUS, Duration.ofMillis(10 * i), i != 10);
            metrics.pulse(Duration.ofMillis(i));
        }
        metrics.alertsFiring("demo-prod", 3);
    }

    @Test
    void withNothingMeasuredItSaysSoInsteadOfShowingEmptyTables(FxRobot robot) {
        DiagnosticsView view = open(null);
        assertThat(fx(() -> view.ready().get())).isTrue();
        assertThat(fx(() -> robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> "Nothing measured yet".equals(l.getText()) && showing(l)))).isTrue();
        assertThat(fx(() -> showing(robot.lookup("#diagnostics-events").query()))).isFalse();
    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void showsEveryFigureWithItsContext(FxRobot robot) {
        feedFigures();
        open(URI.create("http://127.0.0.1:9464/metrics"));

        assertThat(text(robot, "#diagnostics-reconnects")).isEqualTo("2");
        assertThat(text(robot, "#diagnostics-watches")).isEqualTo("7");
        assertThat(text(robot, "#diagnostics-queued")).isEqualTo("3");
        assertThat(text(robot, "#diagnostics-pulse")).isEqualTo("10 ms");
        assertThat(text(robot, "#diagnostics-alerts")).isEqualTo("3");
        assertThat(text(robot, "#diagnostics-served")).contains("http://127.0.0.1:9464/metrics");

        List<DiagnosticsViewModel.ContextRow> contexts = rows(robot, "#diagnostics-contexts");
        assertThat(contexts).extracting(DiagnosticsViewModel.ContextRow::context)
                .containsExactly("demo-prod", "demo-staging");
        assertThat(contexts.get(0).state()).isEqualTo(ConnectionState.LIVE);
        assertThat(contexts.get(0).alertsFiring()).isEqualTo(3);
        assertThat(contexts.get(1).alertsFiring()).as("unknown, not zero").isNull();
        assertThat(contexts.get(1).reconnects()).isEqualTo(2);

        List<dev.pilothouse.core.diagnostics.DiagnosticsSnapshot.Queries> queries = rows(robot, "#diagnostics-queries");
        assertThat(queries).singleElement().satisfies(q -> {
            assertThat(q.backend()).isEqualTo("prometheus");
            assertThat(q.total()).isEqualTo(10);
            assertThat(q.failures()).isEqualTo(1);
            assertThat(Figures.p99(q.recent())).isEqualTo("100 ms");
        });
        assertThat(this.<Object>rows(robot, "#diagnostics-events")).hasSize(1);
    }

    @Test
    void whileVisibleItRefreshesOnItsOwnAndRatesFollowTheEvents(FxRobot robot) {
        feedFigures();
        open(null);
        assertThat(text(robot, "#diagnostics-events-per-second")).as("no rate before a second snapshot")
                .isEqualTo(Figures.NONE);

        for (int i = 0; i < 50; i++) {
            metrics.event("demo-prod", "pods");
        }
        metrics.alertsFiring("demo-prod", 4);
        awaitText(robot, "#diagnostics-alerts", "4");
        Eventually.await(Duration.ofSeconds(10), "a positive events rate", () -> {
            String rate = text(robot, "#diagnostics-events-per-second");
            return !rate.equals(Figures.NONE) && !rate.equals("0");
        }, () -> text(robot, "#diagnostics-events-per-second"));
    }

    @Test
    void hiddenItStopsRefreshingAndShownAgainItCatchesUpAtOnce(FxRobot robot) {
        feedFigures();
        DiagnosticsView view = open(null);
        assertThat(fx(view::refreshing)).isTrue();
        fx(() -> {
            view.deactivate();
            return null;
        });
        assertThat(fx(view::refreshing)).isFalse();

        metrics.alertsFiring("demo-prod", 9);
        fx(() -> {
            view.activate();
            return null;
        });
        assertThat(text(robot, "#diagnostics-alerts")).isEqualTo("9");
        assertThat(fx(view::refreshing)).isTrue();
    }

    @Test
    void thePulseProbeMeasuresTheScenesPulses(FxRobot robot) {
        open(null);
        SelfMetrics probed = new SelfMetrics();
        FxPulseProbe probe = fx(() -> FxPulseProbe.attach(stage.getScene(), probed::pulse));
        fx(() -> {
            stage.setWidth(stage.getWidth() - 10); // a layout pass, so a pulse
            return null;
        });
        Eventually.await(Duration.ofSeconds(10), "a pulse measured", () -> probed.snapshot().pulse().measured());
        fx(() -> {
            probe.detach();
            return null;
        });
    }
}
