package dev.pilothouse.bench;

import dev.pilothouse.desktop.fx.FxLiveRows;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Samples the size of {@link FxLiveRows}' pending change set (private; read by reflection under its own lock, as
 * its code guards it) every millisecond, and keeps the maximum: the queue between the watch thread and the FX
 * thread. Diagnostic only: it takes the same lock as the watch thread, once per millisecond.
 */
final class PendingProbe implements AutoCloseable {

    private static final Field PENDING;

    static {
        try {
            PENDING = FxLiveRows.class.getDeclaredField("pending");
            PENDING.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("FxLiveRows has no 'pending' field any more: update PendingProbe", e);
        }
    }

    private final FxLiveRows<?> live;
    private final AtomicInteger max = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    PendingProbe(FxLiveRows<?> live) {
        this.live = live;
        this.thread = Thread.ofPlatform().daemon(true).name("pending-probe").start(this::loop);
    }

    private void loop() {
        while (running) {
            int size;
            synchronized (live) {
                try {
                    size = ((Map<?, ?>) PENDING.get(live)).size();
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            max.accumulateAndGet(size, Math::max);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void reset() {
        max.set(0);
    }

    int max() {
        return max.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(1_000);
    }
}
