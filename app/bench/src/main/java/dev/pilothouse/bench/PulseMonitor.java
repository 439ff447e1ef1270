package dev.pilothouse.bench;

import javafx.animation.AnimationTimer;

/**
 * Watches the FX pulses of the benchmark window while recording: the interval between consecutive pulses (the frame
 * time a user sees: any work, GC pause or render wait on the FX thread stretches it; 16.7 ms when idle at 60 Hz),
 * and the FX-thread work of each pulse (pulse start until the scene's layout pass is done: animation timers, so the
 * row flush, then CSS and layout). A running {@link AnimationTimer} keeps a pulse on every frame while recording.
 */
final class PulseMonitor {

    final Samples intervals = new Samples(100_000);
    final Samples work = new Samples(100_000);
    private boolean recording;
    private long lastPulse;
    private long pulseStart;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (recording && lastPulse != 0) {
                intervals.add(now - lastPulse);
            }
            lastPulse = now;
            pulseStart = now;
        }
    };
    private final Runnable afterLayout = () -> {
        if (recording && pulseStart != 0) {
            work.add(System.nanoTime() - pulseStart);
        }
        pulseStart = 0;
    };

    /** Starts observing (FX thread). */
    void install() {
        timer.start();
        FxStage.scene().addPostLayoutPulseListener(afterLayout);
    }

    void uninstall() {
        timer.stop();
        FxStage.scene().removePostLayoutPulseListener(afterLayout);
    }

    /** Clears and starts recording (FX thread). */
    void begin() {
        intervals.clear();
        work.clear();
        lastPulse = 0;
        recording = true;
    }

    void end() {
        recording = false;
    }
}
