package dev.pilothouse.desktop.fx;

import javafx.application.Platform;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one scheduler that hands background work to the FX thread. Sources mark themselves dirty from any thread; at
 * most one {@code runLater} is outstanding, and it flushes every dirty source in one go. So a storm of watch events
 * costs one FX task per pulse, never one per event.
 */
public final class FxBatcher {

    /** Something with pending changes to apply on the FX thread. */
    public interface Flushable {
        /** Applies pending changes; called on the FX thread. */
        void flush();
    }

    private final Set<Flushable> dirty = new LinkedHashSet<>();
    private boolean scheduled;

    /** Marks a source dirty; it is flushed on the FX thread soon. Safe from any thread. */
    public void requestFlush(Flushable source) {
        synchronized (dirty) {
            dirty.add(source);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        Platform.runLater(this::flushAll);
    }

    private void flushAll() {
        Flushable[] sources;
        synchronized (dirty) {
            sources = dirty.toArray(new Flushable[0]);
            dirty.clear();
            scheduled = false;
        }
        for (Flushable source : sources) {
            source.flush();
        }
    }
}
