package dev.pilothouse.desktop.diagnostics;

import javafx.scene.Scene;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Measures each pulse of a scene on the FX thread: from the scene's pre-layout hook to its post-layout hook, which is
 * the CSS and layout pass, where large table updates cost most. It uses the scene's own pulse listeners rather than
 * an AnimationTimer, which would ask for a pulse every frame and keep an idle app busy.
 */
public final class FxPulseProbe {

    private final Scene scene;
    private final Consumer<Duration> sink;
    private final Runnable before = this::pulseStarts;
    private final Runnable after = this::pulseLaidOut;
    private long startedAt = -1;

    private FxPulseProbe(Scene scene, Consumer<Duration> sink) {
        this.scene = scene;
        this.sink = sink;
    }

    /** Starts measuring; call on the FX thread. */
    public static FxPulseProbe attach(Scene scene, Consumer<Duration> sink) {
        FxPulseProbe probe = new FxPulseProbe(scene, sink);
        scene.addPreLayoutPulseListener(probe.before);
        scene.addPostLayoutPulseListener(probe.after);
        return probe;
    }

    /** Stops measuring; call on the FX thread. */
    public void detach() {
        scene.removePreLayoutPulseListener(before);
        scene.removePostLayoutPulseListener(after);
    }

    private void pulseStarts() {
        startedAt = System.nanoTime();
    }

    private void pulseLaidOut() {
        if (startedAt >= 0) {
            sink.accept(Duration.ofNanos(System.nanoTime() - startedAt));
            startedAt = -1;
        }
    }
}
