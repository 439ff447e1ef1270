package dev.pilothouse.bench;

import atlantafx.base.theme.PrimerLight;
import com.sun.javafx.perf.PerformanceTracker;
import dev.pilothouse.themes.ThemesPlugin;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One real window (1280x800, the app's light theme and style sheet) for the benchmarks, and a hook on the
 * renderer: {@link #afterNextFrame} fires when the render thread has finished a frame. Uses whatever glass
 * platform the JVM was started with (GTK under xvfb-run, or Monocle headless).
 */
final class FxStage {

    private static Stage stage;
    private static Scene scene;
    private static StackPane root;
    private static volatile Runnable onFrame;

    private FxStage() {
    }

    static synchronized void start() throws InterruptedException {
        if (stage != null) {
            return;
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        if (!started.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("JavaFX did not start within 60 s");
        }
        Platform.setImplicitExit(false);
        onFx(() -> {
            String userAgent = Objects.requireNonNull(ThemesPlugin.class.getResource(
                    new PrimerLight().getUserAgentStylesheet()), "AtlantaFX sheet").toExternalForm();
            Application.setUserAgentStylesheet(userAgent);
            root = new StackPane();
            scene = new Scene(root, 1280, 800);
            scene.getStylesheets().setAll(ThemesPlugin.APP_SHEET);
            stage = new Stage();
            stage.setTitle("Pilothouse benchmark");
            stage.setScene(scene);
            stage.show();
            // The scene tracker is told by the renderer (PaintCollector.done -> GlassScene.frameRendered) after
            // each frame of this scene is painted.
            PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> {
                Runnable r = onFrame;
                if (r != null) {
                    onFrame = null;
                    r.run();
                }
            });
            return null;
        });
        Figures.note("JavaFX %s, glass %s, prism order %s", System.getProperty("javafx.runtime.version"),
                System.getProperty("glass.platform", "default"), System.getProperty("prism.order", "default"));
    }

    static Scene scene() {
        return scene;
    }

    /** Shows a node as the window's content (FX thread). */
    static void show(Node content) {
        root.getChildren().setAll(content);
    }

    /** Empties the window (FX thread). */
    static void clear() {
        root.getChildren().clear();
    }

    /** Runs {@code r} on the render thread once the next frame has been painted. Call on the FX thread. */
    static void afterNextFrame(Runnable r) {
        onFrame = r;
    }

    /** Runs on the FX thread and waits (bounded) for the result. */
    static <T> T onFx(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("FX task failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("FX thread did not answer within 60 s", e);
        }
    }

    static void onFx(Runnable work) {
        onFx(() -> {
            work.run();
            return null;
        });
    }
}
