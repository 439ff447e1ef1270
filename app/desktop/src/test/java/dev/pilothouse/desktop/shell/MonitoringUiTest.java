package dev.pilothouse.desktop.shell;

import dev.pilothouse.demo.lab.Lab;
import dev.pilothouse.desktop.Screenshot;
import dev.pilothouse.desktop.Shell;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.kit.chart.ChartMarker;
import dev.pilothouse.sdk.ui.kit.chart.ChartPanelView;
import dev.pilothouse.testkit.Eventually;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring views on the demo's lab, that is real Prometheus and Alertmanager servers: alerts fire, an alert's
 * chart shows its rule's measurement, a silence goes through the confirmation sheet and mutes the alert, a killed
 * Prometheus shows a banner (never a dialog) and the view recovers by itself, GPU and cost panels show data.
 */
@ExtendWith(ApplicationExtension.class)
class MonitoringUiTest {

    /** The alerts view polls every 15 s; "recovery within one refresh" allows one period and some slack. */
    private static final Duration ONE_REFRESH = Duration.ofSeconds(25);
    private static final Duration LAB_WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private static ShellFixture fixture;
    private Shell shell;

    @BeforeAll
    static void startServices() throws Exception {
        fixture = ShellFixture.start(dir, List.of());
        assertThat(fixture.services().labs()).as("the lab runs (prometheus and alertmanager are installed by .ci/run)")
                .hasSize(1);
    }

    @AfterAll
    static void stopServices() {
        fixture.close();
    }

    @Start
    void start(Stage stage) {
        shell = fixture.show(stage);
    }

    private static <T> T fx(Callable<T> call) {
        return ShellFixture.fx(call);
    }

    private static Lab lab() {
        return fixture.services().labs().getFirst();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Row> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    /** The group row of the alerts table named {@code alertname}, if shown. */
    private static Optional<Row> group(TableView<Row> table, String alertname) {
        return fx(() -> table.getItems().stream().filter(r -> r.name().equals(alertname)).findFirst());
    }

    /** Calls a no-argument accessor of a plugin class (the test sees the plugin's rows only as SDK rows). */
    private static Object call(Object target, String accessor) {
        try {
            Method m = target.getClass().getDeclaredMethod(accessor);
            m.setAccessible(true);
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private void openAlertsWith(FxRobot robot, String alertname) {
        robot.interact(() -> shell.window().navigate("alerts"));
        TableView<Row> alerts = table(robot, "#alerts-table");
        Eventually.await(LAB_WAIT, alertname + " listed", () -> {
            robot.interact(() -> robot.lookup("#alerts-refresh").queryAs(Button.class).fire());
            return group(alerts, alertname).isPresent();
        });
        robot.interact(() -> alerts.getSelectionModel().select(group(alerts, alertname).orElseThrow()));
    }

    @Test
    void anAlertsDetailChartsItsRulesMeasurementWithTheThresholdAndTheFiringTime(FxRobot robot) throws Exception {
        openAlertsWith(robot, "GPUXidErrors");

        Eventually.await(LAB_WAIT, "the chart has the alert's series", () -> fx(() -> robot.lookup("#alert-chart")
                .tryQueryAs(ChartPanelView.class).map(c -> !c.chart().getSeries().isEmpty()).orElse(false)));
        ChartPanelView chart = robot.lookup("#alert-chart").queryAs(ChartPanelView.class);
        assertThat(fx(() -> chart.chart().getSeries())).allSatisfy(s ->
                assertThat(s.labels()).containsEntry("gpu", "3").containsKey("Hostname"));
        assertThat(fx(() -> chart.chart().getMarkers())).first().isEqualTo(ChartMarker.threshold(0, "> 0"));
        assertThat(fx(() -> chart.chart().getMarkers())).anySatisfy(m ->
                assertThat(m.label()).startsWith("firing "));
        assertThat(fx(() -> robot.lookup("#alert-expression").queryAs(TextArea.class).getText()))
                .startsWith("DCGM_FI_DEV_XID_ERRORS > 0");
        Screenshot.write(fx(() -> shell.scene().snapshot(null)), Path.of("target", "screenshots", "alert-detail.png"));
    }

    @Test
    void aSilenceGoesThroughTheConfirmationSheetAndMutesTheAlert(FxRobot robot) {
        openAlertsWith(robot, "VLLMRequestsQueueing");
        robot.interact(() -> robot.lookup("#silence-comment").queryAs(TextField.class)
                .setText("UI test: queue drains after the scale-up"));
        robot.interact(() -> robot.lookup("#silence-create").queryAs(Button.class).fire());

        Node sheet = robot.lookup("#confirm-sheet").query();
        Eventually.await(Duration.ofSeconds(10), "the confirmation sheet is shown", () -> fx(sheet::isVisible));
        String requests = fx(() -> robot.lookup("#confirm-requests").queryAs(TextArea.class).getText());
        assertThat(requests).contains("POST").contains("/api/v2/silences")
                .contains("UI test: queue drains after the scale-up").contains("VLLMRequestsQueueing");
        robot.type(KeyCode.ENTER);
        Eventually.await(Duration.ofSeconds(10), "the sheet closes", () -> fx(() -> !sheet.isVisible()));

        TableView<Row> alerts = table(robot, "#alerts-table");
        Eventually.await(LAB_WAIT, "the alert shows as silenced", () -> {
            robot.interact(() -> robot.lookup("#alerts-refresh").queryAs(Button.class).fire());
            return group(alerts, "VLLMRequestsQueueing").map(g -> (Long) call(g, "suppressed") > 0).orElse(false);
        });

        robot.interact(() -> shell.window().navigate("silences"));
        TableView<Row> silences = table(robot, "#silences-table");
        Eventually.await(Duration.ofSeconds(30), "the silence is listed", () -> fx(() -> silences.getItems().stream()
                .anyMatch(r -> String.valueOf(call(r, "silence")).contains("queue drains after the scale-up"))));
    }

    @Test
    void aKilledPrometheusShowsABannerNotADialogAndTheViewRecoversWithinOneRefresh(FxRobot robot) throws Exception {
        openAlertsWith(robot, "GPUMemoryNearlyFull");
        Label banner = robot.lookup("#alerts-banner").queryAs(Label.class);
        TableView<Row> alerts = table(robot, "#alerts-table");

        lab().prometheus().kill();
        try {
            robot.interact(() -> robot.lookup("#alerts-refresh").queryAs(Button.class).fire());
            Eventually.await(Duration.ofSeconds(20), "a banner says Prometheus is not answering",
                    () -> fx(() -> banner.isVisible() && banner.getText().contains("Prometheus did not answer")),
                    () -> fx(banner::getText));
            assertThat(fx(() -> alerts.getItems().isEmpty())).as("alerts stay on screen").isFalse();
            assertThat(dialogs(robot)).as("no error dialog").isEmpty();
            Screenshot.write(fx(() -> shell.scene().snapshot(null)),
                    Path.of("target", "screenshots", "alerts-prometheus-down.png"));
        } finally {
            lab().prometheus().restart();
        }

        // No click: the view's own refresh brings it back.
        Eventually.await(ONE_REFRESH, "the banner goes after the next refresh", () -> fx(() -> !banner.isVisible()),
                () -> fx(banner::getText));
        assertThat(group(alerts, "GPUMemoryNearlyFull")).isPresent();
        assertThat(dialogs(robot)).isEmpty();
    }

    private static List<Window> dialogs(FxRobot robot) {
        return fx(() -> robot.listWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane).toList());
    }

    @Test
    void theGpuViewListsEveryGpuAndChartsTheClusterPerNode(FxRobot robot) {
        robot.interact(() -> shell.window().navigate("gpus"));
        TableView<Row> gpus = table(robot, "#gpus-table");
        Eventually.await(LAB_WAIT, "GPUs listed", () -> fx(() -> gpus.getItems().size() >= 8));
        Eventually.await(LAB_WAIT, "utilisation charted", () -> fx(() -> robot.lookup("#panel-gpu-utilisation")
                .tryQueryAs(ChartPanelView.class).map(c -> !c.chart().getSeries().isEmpty()).orElse(false)));
        for (String panel : List.of("gpu-memory-used", "gpu-memory-free", "gpu-temperature", "gpu-power", "gpu-xid")) {
            assertThat(robot.lookup("#panel-" + panel).tryQuery()).as(panel).isPresent();
        }
        assertThat(fx(() -> robot.lookup("#panel-board-note").queryAs(Label.class).isVisible()))
                .as("every DCGM metric exists in the lab, so no panel is left out").isFalse();

        robot.interact(() -> {
            gpus.getSelectionModel().select(gpus.getItems().stream()
                    .filter(r -> !r.namespace().isEmpty()).findFirst().orElseThrow());
            gpus.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        Eventually.await(LAB_WAIT, "the pod's GPUs charted", () -> fx(() -> robot.lookup("#panel-gpu-utilisation")
                .tryQueryAs(ChartPanelView.class).map(c -> !c.chart().getSeries().isEmpty()
                        && c.chart().getSeries().stream().allMatch(s -> s.labels().containsKey("pod"))).orElse(false)),
                () -> fx(() -> "scope " + robot.lookup("#gpus-scope").queryAs(javafx.scene.control.ComboBox.class)
                        .getValue() + ", series " + robot.lookup("#panel-gpu-utilisation").tryQueryAs(
                        ChartPanelView.class).map(c -> c.chart().getSeries().stream().map(x -> x.labels()).toList())
                        .orElse(null)));

        robot.interact(() -> shell.window().navigate("cost"));
        Eventually.await(LAB_WAIT, "cluster cost charted", () -> fx(() -> robot.lookup("#panel-cost-cluster")
                .tryQueryAs(ChartPanelView.class).map(c -> !c.chart().getSeries().isEmpty()).orElse(false)));
    }
}
