package dev.pilothouse.desktop.shell;

import dev.pilothouse.core.plugin.PluginState;
import dev.pilothouse.desktop.Shell;
import dev.pilothouse.sdk.Contributions;
import dev.pilothouse.sdk.Plugin;
import dev.pilothouse.sdk.PluginDescriptor;
import dev.pilothouse.testkit.Eventually;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The shell on the demo environment, driven like a user would: keyboard, clicks, palette. Headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class ShellUiTest {

    @TempDir
    static Path dir;

    private static ShellFixture fixture;
    private Shell shell;

    /** A third-party plugin whose contribute() throws. */
    static final class ExplodingPlugin implements Plugin {
        @Override
        public PluginDescriptor descriptor() {
            return PluginDescriptor.of("exploding", "Exploding example", "1.0.0", "Throws while contributing.");
        }

        @Override
        public void contribute(Contributions contributions) {
            throw new IllegalStateException("deliberately broken");
        }
    }

    @BeforeAll
    static void startServices() throws Exception {
        fixture = ShellFixture.start(dir, List.of(new ExplodingPlugin()));
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

    private void awaitFx(String what, Callable<Boolean> condition) {
        Eventually.await(Duration.ofSeconds(20), what, () -> fx(condition));
    }

    @Test
    void startsOnTheFleetViewWithACardPerDemoContextAndTheDemoBadge(FxRobot robot) {
        awaitFx("fleet has synced", () -> shell.window().currentViewReady().get());
        assertThat(robot.lookup("#cluster-card-demo-prod").tryQuery()).isPresent();
        assertThat(robot.lookup("#cluster-card-demo-staging").tryQuery()).isPresent();
        assertThat(robot.lookup("#badge-demo").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void everyViewOpensAndSyncsWithoutAnErrorState(FxRobot robot) {
        for (String view : List.of("fleet", "nodes", "workloads", "pods", "events", "crds", "services", "configmaps", "secrets",
                "plugins", "settings")) {
            robot.interact(() -> shell.window().navigate(view));
            awaitFx(view + " ready", () -> view.equals(shell.state().currentView().get())
                    && shell.window().currentViewReady().get());
            assertThat(robot.lookup("#view-host .ph-state-error").tryQuery()).as("error state on %s", view).isEmpty();
        }
    }

    @Test
    void selectingACrdListsItsObjectsWithItsPrinterColumns(FxRobot robot) {
        robot.interact(() -> shell.window().navigate("crds"));
        @SuppressWarnings("unchecked")
        TableView<dev.pilothouse.plugins.clusters.crd.CrdRow> crds = robot.lookup("#crds-table").queryAs(TableView.class);
        awaitFx("crds listed", () -> crds.getItems().stream()
                .anyMatch(r -> r.name().equals("inferenceservices.serving.kserve.io")));
        robot.interact(() -> crds.getSelectionModel().select(crds.getItems().stream()
                .filter(r -> r.name().equals("inferenceservices.serving.kserve.io")).findFirst().orElseThrow()));
        awaitFx("inference services listed", () -> robot.lookup("#crd-inferenceservices-serving-kserve-io-table")
                .tryQuery().map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(false));
        TableView<?> objects = robot.lookup("#crd-inferenceservices-serving-kserve-io-table").queryAs(TableView.class);
        assertThat(objects.getColumns()).extracting(c -> c.getText()).contains("Name", "Age").hasSizeGreaterThan(3);
    }

    @Test
    void aWorkloadsLogsArriveMergedFromItsPodsAndCanBeSaved(FxRobot robot) throws Exception {
        robot.interact(() -> shell.window().navigate("workloads"));
        robot.interact(() -> shell.window().open("deploy/ml-serving/llama-3-8b-instruct#Logs"));
        awaitFx("log pane shown", () -> robot.lookup("#log-pane").tryQuery().isPresent());
        var pane = robot.lookup("#log-pane").queryAs(dev.pilothouse.sdk.ui.kit.log.LogPane.class);
        awaitFx("lines from several pods", () -> pane.lines().stream().map(l -> l.source())
                .filter(src -> !src.isEmpty()).distinct().count() >= 2);
        java.nio.file.Path saved = dir.resolve("llama.log");
        robot.interact(() -> pane.saveTo(saved));
        assertThat(java.nio.file.Files.readAllLines(saved)).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("["));
        robot.interact(() -> robot.lookup("#detail-close").queryButton().fire());
    }

    @Test
    void aLabelSelectorIsAppliedByTheServerAndRemembered(FxRobot robot) {
        robot.interact(() -> shell.window().navigate("pods"));
        TableView<?> table = robot.lookup("#pods-table").queryAs(TableView.class);
        awaitFx("pods listed", () -> table.getItems().size() > 20);
        javafx.scene.control.TextField selector = robot.lookup("#pods-selector").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            selector.setText("app.kubernetes.io/name=llama-3-8b-instruct");
            selector.fireEvent(new javafx.event.ActionEvent());
        });
        awaitFx("only the selected pods", () -> !table.getItems().isEmpty() && table.getItems().stream()
                .allMatch(r -> ((dev.pilothouse.sdk.kube.Row) r).name().startsWith("llama-3-8b-instruct")));
        assertThat(fixture.services().settings().plugin("clusters").get("pods.selector", ""))
                .isEqualTo("app.kubernetes.io/name=llama-3-8b-instruct");
        robot.interact(() -> {
            selector.setText("");
            selector.fireEvent(new javafx.event.ActionEvent());
        });
        awaitFx("all pods again", () -> table.getItems().size() > 20);
    }

    @Test
    void theSidebarIsKeyboardNavigable(FxRobot robot) {
        robot.clickOn("#nav-nodes");
        robot.type(KeyCode.DOWN, 2);
        awaitFx("pods view shown", () -> "pods".equals(shell.state().currentView().get()));
        awaitFx("pods listed", () -> !robot.lookup("#pods-table").queryAs(TableView.class).getItems().isEmpty());
    }

    @Test
    void thePaletteFindsAViewByFuzzyTextAndOpensIt(FxRobot robot) {
        robot.press(KeyCode.CONTROL).press(KeyCode.K).release(KeyCode.K).release(KeyCode.CONTROL);
        awaitFx("palette open", () -> robot.lookup("#command-palette").query().isVisible());
        robot.write("plgns");
        robot.type(KeyCode.ENTER);
        awaitFx("plugins view shown", () -> "plugins".equals(shell.state().currentView().get()));
        assertThat(robot.lookup("#command-palette").query().isVisible()).isFalse();
    }

    @Test
    void aPluginThatThrowsIsShownAsFailedAndTheAppGoesOn(FxRobot robot) {
        assertThat(fixture.services().plugins().plugins())
                .anySatisfy(p -> {
                    assertThat(p.id()).isEqualTo("exploding");
                    assertThat(p.state()).isEqualTo(PluginState.FAILED);
                });
        robot.interact(() -> shell.window().navigate("plugins"));
        TableView<?> table = robot.lookup("#plugins-table").queryAs(TableView.class);
        assertThat(table.getItems()).anySatisfy(r -> assertThat(r.toString()).contains("exploding").contains("FAILED")
                .contains("deliberately broken"));
        // The sidebar is a virtual list: with the plugins view selected the pods entry may be scrolled out of view,
        // so the other plugins' contribution is checked by opening one of their views.
        robot.interact(() -> shell.window().navigate("pods"));
        assertThat(robot.lookup("#pods-table").tryQuery()).as("other plugins still contribute").isPresent();
    }

    @Test
    void switchingContextUpdatesTheStatusBarAndThePods(FxRobot robot) {
        robot.interact(() -> shell.window().navigate("pods"));
        @SuppressWarnings("unchecked")
        ComboBox<String> contexts = robot.lookup("#context-switcher").queryAs(ComboBox.class);
        robot.interact(() -> contexts.getSelectionModel().select("demo-staging"));
        awaitFx("status bar names staging", () -> robot.lookup("#status-context").queryAs(Label.class).getText()
                .equals("demo-staging"));
        awaitFx("staging pods listed", () -> {
            TableView<?> t = robot.lookup("#pods-table").queryAs(TableView.class);
            return !t.getItems().isEmpty();
        });
        robot.interact(() -> contexts.getSelectionModel().select("demo-prod"));
        awaitFx("back on prod", () -> "demo-prod".equals(shell.state().activeCluster().get()));
    }

    @Test
    void theThemeSwitchesAtRunTimeAndIsRemembered(FxRobot robot) {
        boolean wasDark = fx(() -> shell.themes().current().get().dark());
        robot.clickOn("#toggle-theme");
        awaitFx("theme toggled", () -> shell.themes().current().get().dark() != wasDark);
        String expected = fx(() -> shell.themes().current().get().userAgentStylesheet());
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(expected);
        assertThat(fixture.services().settings().app().get("theme", ""))
                .isEqualTo(fx(() -> shell.themes().current().get().id()));
        robot.clickOn("#toggle-theme");
        awaitFx("theme toggled back", () -> shell.themes().current().get().dark() == wasDark);
    }

    @Test
    void theReadOnlyBadgeFollowsTheToggle(FxRobot robot) {
        Node badge = robot.lookup("#badge-read-only").query();
        boolean before = fx(badge::isVisible);
        robot.clickOn("#toggle-read-only");
        awaitFx("badge flipped", () -> badge.isVisible() != before);
        assertThat(fx(() -> shell.state().readOnly().get())).isEqualTo(!before);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        awaitFx("badge flipped back by shortcut", () -> badge.isVisible() == before);
    }

    @Test
    void theNamespaceFilterNarrowsThePods(FxRobot robot) {
        robot.interact(() -> shell.window().navigate("pods"));
        TableView<?> table = robot.lookup("#pods-table").queryAs(TableView.class);
        awaitFx("pods listed", () -> !table.getItems().isEmpty());
        @SuppressWarnings("unchecked")
        ComboBox<String> namespaces = robot.lookup("#namespace-filter").queryAs(ComboBox.class);
        awaitFx("namespaces known", () -> namespaces.getItems().contains("ml-serving"));
        robot.interact(() -> namespaces.setValue("ml-serving"));
        awaitFx("only ml-serving pods", () -> !table.getItems().isEmpty() && table.getItems().stream()
                .allMatch(r -> ((dev.pilothouse.sdk.kube.Row) r).namespace().equals("ml-serving")));
        robot.interact(() -> namespaces.setValue("All namespaces"));
        awaitFx("all namespaces again", () -> table.getItems().stream()
                .anyMatch(r -> !((dev.pilothouse.sdk.kube.Row) r).namespace().equals("ml-serving")));
    }

    @Test
    void theAboutDialogListsVersions(FxRobot robot) {
        javafx.scene.control.MenuButton menu = robot.lookup("#main-menu").queryAs(javafx.scene.control.MenuButton.class);
        assertThat(menu.getItems()).anySatisfy(i -> assertThat(i.getId()).isEqualTo("menu-about"));
        // The content, not a second window: Monocle keeps input on a closed dialog's window.
        List<String> texts = fx(() -> ((javafx.scene.layout.GridPane) AboutDialog.content().getChildren().get(1))
                .getChildren().stream().map(n -> ((Label) n).getText()).toList());
        assertThat(texts).contains("Pilothouse", "Plugin SDK", "JavaFX", "Java", "Fabric8 Kubernetes client");
        assertThat(texts).doesNotContain("unknown", "${project.version}");
    }

    private static String yaml(FxRobot robot) {
        return robot.lookup("#detail-yaml").tryQuery().map(n -> ((javafx.scene.control.TextArea) n).getText()).orElse("<none>");
    }

    @Test
    void doubleClickingAPodOpensItsYaml(FxRobot robot) {
        robot.interact(() -> shell.window().navigate("pods"));
        awaitFx("pods listed", () -> !robot.lookup("#pods-table").queryAs(TableView.class).getItems().isEmpty());
        TableView<?> table = robot.lookup("#pods-table").queryAs(TableView.class);
        robot.interact(() -> {
            table.getSelectionModel().select(0);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        awaitFx("detail pane opened", () -> robot.lookup("#detail-pane").tryQuery().isPresent());
        Eventually.await(Duration.ofSeconds(20), "yaml loaded", () -> fx(() -> yaml(robot).contains("kind: Pod")),
                () -> fx(() -> yaml(robot) + " / " + robot.lookup("#detail-pane .ph-state-message").tryQuery()
                        .map(n -> ((javafx.scene.layout.VBox) n).getChildren().toString()).orElse("")));
        robot.type(KeyCode.ESCAPE);
        awaitFx("detail closed", () -> robot.lookup("#detail-pane").tryQuery().map(n -> n.getScene() == null).orElse(true));
    }
}
