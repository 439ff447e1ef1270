package dev.pilothouse.desktop.fx;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one scheduler that hands background work to the FX thread, at most once per pulse. Sources mark themselves
 * dirty from any thread; an {@link AnimationTimer} runs only while something is dirty and, on each pulse, flushes
 * every dirty source in one go. So a storm of watch events costs one flush per frame, never one task per event, and
 * an idle app schedules nothing.
 */
public final class FxBatcher {

    /** Something with pending changes to apply on the FX thread. */
    public interface Flushable {
        /** Applies pending changes; called on the FX thread. */
        void flush();
    }

    private final Set<Flushable> dirty = new LinkedHashSet<>();
    private boolean running;
    private AnimationTimer pulse;

    /** Marks a source dirty; it is flushed on the next pulse. Safe from any thread. */
    public void requestFlush(Flushable source) {
        synchronized (dirty) {
            dirty.add(source);
            if (running) {
                return;
            }
            running = true;
        }
        Platform.runLater(this::startPulses);
    }

    /** Sources waiting for the next pulse (the diagnostics' FX queue depth). */
    public int pendingFlushes() {
        synchronized (dirty) {
            return dirty.size();
        }
    }

    private void startPulses() {
        if (pulse == null) {
            pulse = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    onPulse();
                }
            };
        }
        pulse.start();
    }

    private void onPulse() {
        Flushable[] sources;
        synchronized (dirty) {
            sources = dirty.toArray(new Flushable[0]);
            dirty.clear();
        }
        for (Flushable source : sources) {
            source.flush();
        }
        synchronized (dirty) {
            if (dirty.isEmpty()) {
                running = false;
                pulse.stop();
            }
        }
    }
}
