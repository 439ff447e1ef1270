package dev.pilothouse.desktop.shell;

import dev.pilothouse.demo.EmulatedCluster;
import dev.pilothouse.desktop.Screenshot;
import dev.pilothouse.desktop.Shell;
import dev.pilothouse.testkit.Eventually;
import javafx.scene.control.Label;
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
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** When a cluster goes away the last rows stay, under a banner that says since when; they heal by themselves. */
@ExtendWith(ApplicationExtension.class)
class StaleDataUiTest {

    @TempDir
    static Path dir;

    private static ShellFixture fixture;
    private Shell shell;

    @BeforeAll
    static void startServices() throws Exception {
        fixture = ShellFixture.start(dir, List.of());
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

    @Test
    void aLostConnectionKeepsTheRowsUnderAStaleBannerAndHealsByItself(FxRobot robot) throws Exception {
        robot.interact(() -> shell.window().navigate("pods"));
        TableView<?> table = robot.lookup("#pods-table").queryAs(TableView.class);
        Label banner = robot.lookup("#pods-banner").queryAs(Label.class);
        Eventually.await(Duration.ofSeconds(20), "pods listed", () -> fx(() -> table.getItems().size() > 50));
        int rows = fx(() -> table.getItems().size());

        EmulatedCluster prod = fixture.services().demo().orElseThrow().cluster("prod");
        prod.stop();
        Eventually.await(Duration.ofSeconds(30), "stale banner shown", () -> fx(() -> banner.isVisible()
                && banner.getText().startsWith("Connection to demo-prod lost")), () -> fx(banner::getText));
        assertThat(fx(() -> table.getItems().size())).as("last known rows stay").isEqualTo(rows);
        assertThat(fx(() -> robot.lookup("#status-connection").queryAs(Label.class).getText())).isEqualTo("Stale");
        // For people to look at: the picture of this state.
        Screenshot.write(fx(() -> shell.scene().snapshot(null)), Path.of("target", "screenshots", "stale-banner.png"));

        prod.restart();
        Eventually.await(Duration.ofSeconds(40), "banner gone after reconnecting", () -> fx(() -> !banner.isVisible()),
                () -> fx(banner::getText));
        assertThat(fx(() -> robot.lookup("#status-connection").queryAs(Label.class).getText())).isEqualTo("Live");
    }
}
