package dev.pilothouse.desktop.graph;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.ui.kit.graph.DagModel;
import dev.pilothouse.sdk.ui.kit.graph.DagView;
import dev.pilothouse.sdk.ui.kit.graph.GraphEdge;
import dev.pilothouse.sdk.ui.kit.graph.GraphNode;
import dev.pilothouse.sdk.ui.kit.graph.ViewTransform;
import dev.pilothouse.themes.ThemesPlugin;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's graph view driven like a user would (clicks, keys) on a small pipeline run: checkout fans out to two
 * test shards that join in a failing deploy. Headless (Monocle).
 */
@ExtendWith(ApplicationExtension.class)
class DagViewUiTest {

    private static final DagModel RUN = DagModel.of(
            List.of(new GraphNode("checkout", "checkout", "12s", HealthState.OK),
                    new GraphNode("test-a", "test shard a", "2m 10s", HealthState.OK),
                    new GraphNode("test-b", "test shard b with a very long name that cannot fit in its box",
                            "3m 02s · 2 retries", HealthState.DEGRADED),
                    new GraphNode("deploy", "deploy", "40s", HealthState.FAILED)),
            List.of(new GraphEdge("checkout", "test-a"), new GraphEdge("checkout", "test-b"),
                    new GraphEdge("test-a", "deploy"), new GraphEdge("test-b", "deploy")));

    private final List<String> opened = new CopyOnWriteArrayList<>();
    private DagView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        view = new DagView();
        view.setOnOpen(opened::add);
        StackPane root = new StackPane(view);
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

    private void show(DagModel model) {
        fx(() -> view.setModel(model));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void clickNode(FxRobot robot, String id) {
        Bounds b = fx(() -> view.localToScreen(view.nodeBounds(id)));
        robot.clickOn(b.getCenterX(), b.getCenterY());
    }

    /** The colour drawn at the node's status stripe, read from a snapshot of the view. */
    private Color stripeColour(String id) {
        return fx(() -> {
            Bounds b = view.nodeBounds(id);
            WritableImage image = view.snapshot(null, null);
            return image.getPixelReader().getColor((int) (b.getMinX() + 3), (int) b.getCenterY());
        });
    }

    private static void assertClose(Color actual, Paint expected) {
        Color e = (Color) expected;
        assertThat(Math.abs(actual.getRed() - e.getRed()) + Math.abs(actual.getGreen() - e.getGreen())
                + Math.abs(actual.getBlue() - e.getBlue())).as(actual + " vs " + e).isLessThan(0.08);
    }

    @Test
    void eachNodeIsDrawnAsABoxInTheColourOfItsState() {
        show(RUN);

        assertThat(fx(() -> view.getStateMessage())).isEmpty();
        for (GraphNode node : RUN.nodes()) {
            Bounds b = fx(() -> view.nodeBounds(node.id()));
            assertThat(b).as(node.id()).isNotNull();
            assertThat(fx(() -> view.getLayoutBounds().contains(b))).as(node.id() + " is in view").isTrue();
            assertClose(stripeColour(node.id()), fx(() -> view.stateColor(node.state())));
        }
        assertThat(fx(() -> view.stateColor(HealthState.FAILED)))
                .isNotEqualTo(fx(() -> view.stateColor(HealthState.OK)));
    }

    @Test
    void clickingANodeSelectsItAndClickingTheBackgroundClearsIt(FxRobot robot) {
        show(RUN);

        clickNode(robot, "test-b");
        assertThat(fx(() -> view.getSelectedNode())).isEqualTo("test-b");

        robot.clickOn(fx(() -> view.localToScreen(6, 6)));
        assertThat(fx(() -> view.getSelectedNode())).isNull();
    }

    @Test
    void arrowKeysMoveAlongEdgesAndEnterOpensTheSelectedStep(FxRobot robot) {
        show(RUN);
        clickNode(robot, "checkout");

        robot.type(KeyCode.RIGHT);
        String shard = fx(() -> view.getSelectedNode());
        assertThat(shard).isIn("test-a", "test-b");

        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.UP);
        assertThat(fx(() -> view.getSelectedNode())).isEqualTo("test-a");

        robot.type(KeyCode.RIGHT);
        assertThat(fx(() -> view.getSelectedNode())).isEqualTo("deploy");

        robot.type(KeyCode.ENTER);
        assertThat(opened).containsExactly("deploy");

        robot.type(KeyCode.LEFT);
        assertThat(fx(() -> view.getSelectedNode())).isIn("test-a", "test-b");
    }

    @Test
    void doubleClickOpensANode(FxRobot robot) {
        show(RUN);
        Bounds b = fx(() -> view.localToScreen(view.nodeBounds("deploy")));

        robot.moveTo(b.getCenterX(), b.getCenterY()).doubleClickOn();

        assertThat(opened).contains("deploy");
    }

    @Test
    void zoomKeysAndControlWheelChangeTheScaleAndFitRestoresIt(FxRobot robot) {
        show(RUN);
        ViewTransform fitted = fx(() -> view.getViewTransform());
        clickNode(robot, "checkout");

        robot.type(KeyCode.MINUS);
        double zoomedOut = fx(() -> view.getViewTransform().scale());
        assertThat(zoomedOut).isLessThan(fitted.scale());

        Bounds b = fx(() -> view.localToScreen(view.nodeBounds("deploy")));
        robot.moveTo(b.getCenterX(), b.getCenterY()).press(KeyCode.CONTROL);
        try {
            robot.scroll(3, javafx.geometry.VerticalDirection.UP);
        } finally {
            robot.release(KeyCode.CONTROL);
        }
        assertThat(fx(() -> view.getViewTransform().scale())).isNotEqualTo(zoomedOut);

        robot.type(KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.getViewTransform())).isEqualTo(fitted);
    }

    @Test
    void draggingPansTheGraph(FxRobot robot) {
        show(RUN);
        ViewTransform before = fx(() -> view.getViewTransform());
        Bounds b = fx(() -> view.localToScreen(view.getLayoutBounds()));

        robot.drag(b.getMinX() + 8, b.getMaxY() - 8).moveBy(60, -40).release(javafx.scene.input.MouseButton.PRIMARY);

        ViewTransform after = fx(() -> view.getViewTransform());
        assertThat(after.scale()).isEqualTo(before.scale());
        assertThat(after.offsetX() - before.offsetX()).isCloseTo(60, org.assertj.core.data.Offset.offset(2.0));
        assertThat(after.offsetY() - before.offsetY()).isCloseTo(-40, org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void anEmptyModelShowsTheEmptyText() {
        show(DagModel.empty());
        assertThat(fx(() -> view.getStateMessage())).isEqualTo(DagView.EMPTY);

        fx(() -> view.emptyTextProperty().set("This workflow has no steps yet"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.getStateMessage())).isEqualTo("This workflow has no steps yet");

        show(RUN);
        assertThat(fx(() -> view.getStateMessage())).isEmpty();
    }

    @Test
    void aLiveUpdateWithTheSameStepsKeepsSelectionAndZoomAndDrawsOnce(FxRobot robot) {
        show(RUN);
        clickNode(robot, "test-a");
        robot.type(KeyCode.PLUS);
        ViewTransform zoomed = fx(() -> view.getViewTransform());
        long draws = fx(() -> view.getDrawCount());

        fx(() -> {
            for (int i = 0; i < 3; i++) {
                view.setModel(DagModel.of(RUN.nodes().stream().map(n -> new GraphNode(n.id(), n.label(), n.detail(),
                        HealthState.OK)).toList(), RUN.edges()));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> view.getSelectedNode())).isEqualTo("test-a");
        assertThat(fx(() -> view.getViewTransform())).isEqualTo(zoomed);
        assertThat(fx(() -> view.getDrawCount())).isEqualTo(draws + 1);
    }

    @Test
    void aCycleIsDrawnInsteadOfHanging() {
        show(DagModel.of(RUN.nodes(), List.of(new GraphEdge("checkout", "test-a"), new GraphEdge("test-a", "deploy"),
                new GraphEdge("deploy", "checkout"))));

        assertThat(fx(() -> view.getModel().hasCycles())).isTrue();
        assertThat(fx(() -> view.nodeBounds("deploy"))).isNotNull();
    }

    @Test
    void nodeColoursComeFromTheThemeAndFollowADarkTheme() {
        show(RUN);
        javafx.scene.layout.Region probe = new javafx.scene.layout.Region();
        probe.setStyle("-fx-background-color: -color-danger-emphasis;");
        fx(() -> ((StackPane) scene.getRoot()).getChildren().add(probe));
        WaitForAsyncUtils.waitForFxEvents();
        Paint lightDanger = fx(() -> probe.getBackground().getFills().getFirst().getFill());
        assertThat(fx(() -> view.stateColor(HealthState.FAILED))).isEqualTo(lightDanger);
        snapshot("dag-light.png");

        fx(() -> scene.setUserAgentStylesheet(userAgent(new PrimerDark())));
        WaitForAsyncUtils.waitForFxEvents();
        Paint darkDanger = fx(() -> probe.getBackground().getFills().getFirst().getFill());

        assertThat(darkDanger).isNotEqualTo(lightDanger);
        assertThat(fx(() -> view.stateColor(HealthState.FAILED))).isEqualTo(darkDanger);
        assertClose(stripeColour("deploy"), darkDanger);
        snapshot("dag-dark.png");
    }

    /** For people to look at: the graph as drawn in each theme. */
    private void snapshot(String name) {
        fx(() -> {
            dev.pilothouse.desktop.Screenshot.write(view.snapshot(null, null),
                    java.nio.file.Path.of("target", "screenshots", name));
            return null;
        });
    }
}
