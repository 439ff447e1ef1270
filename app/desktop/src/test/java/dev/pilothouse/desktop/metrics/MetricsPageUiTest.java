package dev.pilothouse.desktop.metrics;

import dev.pilothouse.core.metrics.ClusterAccess;
import dev.pilothouse.core.metrics.MetricsEndpoints;
import dev.pilothouse.core.settings.SettingsStore;
import dev.pilothouse.demo.lab.PrometheusConfig;
import dev.pilothouse.demo.lab.PrometheusProcess;
import dev.pilothouse.testkit.Eventually;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings > Metrics against a real Prometheus: configure, test, and a wrong field named in the message. */
@ExtendWith(ApplicationExtension.class)
class MetricsPageUiTest {

    @TempDir
    static Path dir;

    private static PrometheusProcess prometheus;
    private static SettingsStore store;
    private static MetricsEndpoints endpoints;

    @BeforeAll
    static void startPrometheus() {
        prometheus = PrometheusProcess.start(dir.resolve("prometheus"), PrometheusConfig.create().scrapeSelf());
        store = SettingsStore.open(dir.resolve("config"));
        endpoints = new MetricsEndpoints(ClusterAccess.none(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        endpoints.close();
        store.close();
        prometheus.close();
    }

    @Start
    void start(Stage stage) {
        EndpointSettings settings = new EndpointSettings(store.app(), System::getenv);
        stage.setScene(new Scene(new ScrollPane(MetricsPage.create(List.of("prod", "staging"), "prod", settings,
                endpoints)), 900, 800));
        stage.show();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void aConfiguredPrometheusIsSavedTestedAndShownAsAnswering(FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#prometheus-url").queryAs(TextField.class).setText(prometheus.url().toString());
            robot.lookup("#prometheus-save").queryAs(Button.class).fire();
        });
        assertThat(text(robot, "#prometheus-message")).isEqualTo("Saved. Press Test to try it.");
        assertThat(store.app().get("metrics.prod.prometheus.url")).contains(prometheus.url().toString());

        robot.interact(() -> robot.lookup("#prometheus-test").queryAs(Button.class).fire());
        Eventually.await(Duration.ofSeconds(20), "the test answer", () ->
                text(robot, "#prometheus-message").equals("Prometheus answered."), () -> text(robot, "#prometheus-message"));
        assertThat(text(robot, "#prometheus-status")).startsWith("Now: answering · " + prometheus.url())
                .contains("(configured)");

        robot.interact(() -> robot.lookup("#metrics-context").queryAs(ComboBox.class).setValue("staging"));
        assertThat(fx(() -> robot.lookup("#prometheus-url").queryAs(TextField.class).getText())).isEmpty();
    }

    @Test
    void aMissingTokenFileIsNamedAndNothingChanges(FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#metrics-context").queryAs(ComboBox.class).setValue("staging");
            robot.lookup("#prometheus-url").queryAs(TextField.class).setText("https://prom.example.com");
            @SuppressWarnings("unchecked")
            ComboBox<String> auth = robot.lookup("#prometheus-auth-type").queryAs(ComboBox.class);
            auth.setValue("bearer");
            robot.lookup("#prometheus-auth-tokenFile").queryAs(TextField.class)
                    .setText(dir.resolve("no-such-token").toString());
            robot.lookup("#prometheus-save").queryAs(Button.class).fire();
        });

        assertThat(text(robot, "#prometheus-message"))
                .startsWith("metrics.staging.prometheus.auth.tokenFile:").contains("no-such-token");
        assertThat(store.app().get("metrics.staging.prometheus.url")).isEmpty();
    }
}
