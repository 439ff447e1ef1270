package dev.pilothouse.desktop.shell;

import dev.pilothouse.desktop.Shell;
import dev.pilothouse.sdk.alerts.Alert;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.kit.chart.ChartPanelView;
import dev.pilothouse.testkit.Eventually;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo without the Prometheus binaries (forced here with pilothouse.demo.lab=simulated): charts and alerts come
 * from the simulated Prometheus through the same client, and say they are simulated.
 */
@ExtendWith(ApplicationExtension.class)
class SimulatedLabUiTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private static ShellFixture fixture;
    private Shell shell;

    @BeforeAll
    static void startServices() throws Exception {
        System.setProperty("pilothouse.demo.lab", "simulated");
        try {
            fixture = ShellFixture.start(dir, List.of());
        } finally {
            System.clearProperty("pilothouse.demo.lab");
        }
    }

    @AfterAll
    static void stopServices() {
        fixture.close();
    }

    @Start
    void start(Stage stage) {
        shell = fixture.show(stage);
    }

    @Test
    void theDemoSaysItsMetricsAreSimulatedAndStillShowsAlertsAndGpuCharts(FxRobot robot) {
        assertThat(fixture.services().labs()).as("no real lab").isEmpty();
        assertThat(fixture.services().problems()).anySatisfy(p -> assertThat(p)
                .startsWith("The demo's metrics and alerts are simulated"));

        robot.interact(() -> shell.window().navigate("alerts"));
        @SuppressWarnings("unchecked")
        TableView<Row> alerts = robot.lookup("#alerts-table").queryAs(TableView.class);
        Eventually.await(WAIT, "simulated alerts listed", () -> {
            robot.interact(() -> robot.lookup("#alerts-refresh").queryAs(Button.class).fire());
            return ShellFixture.fx(() -> alerts.getItems().stream().anyMatch(r -> r.name().equals("GPUXidErrors")));
        });
        List<Alert> instances = ShellFixture.fx(() -> alerts.getItems().stream()
                .flatMap(r -> ((dev.pilothouse.plugins.monitoring.alerts.AlertGroup) r).alerts().stream()).toList());
        assertThat(instances).allSatisfy(a -> assertThat(a.labels()).containsEntry("simulated", "true"));

        robot.interact(() -> shell.window().navigate("gpus"));
        Eventually.await(WAIT, "GPU utilisation charted", () -> ShellFixture.fx(() -> robot
                .lookup("#panel-gpu-utilisation").tryQueryAs(ChartPanelView.class)
                .map(c -> !c.chart().getSeries().isEmpty()).orElse(false)));
    }
}
