package dev.pilothouse.bench;

import dev.pilothouse.plugins.clusters.kinds.PodRow;
import javafx.collections.ListChangeListener;

import java.util.HashMap;
import java.util.Map;

/**
 * Event-to-row latency on the FX thread: each update carries its send time in {@code restarts} (microseconds since
 * {@code baseNanos} on the shared monotonic clock, plus {@link EmulatorServer#STAMP_OFFSET}); when a row with a new
 * stamp appears in the live list, the latency is the time since that stamp. Updates coalesced away before reaching
 * the list (a newer one for the same pod in the same flush) are not counted; their successor is. The largest stamp
 * seen is tracked even when not recording, so a caller can wait until the last update has arrived.
 */
final class RowLatency implements ListChangeListener<PodRow> {

    final Samples latencies = new Samples(2_000_000);
    /** Time from the watch thread to the list, for stamps whose arrival on the watch thread was noted. */
    final Samples fromWatch = new Samples(2_000_000);
    private final java.util.concurrent.ConcurrentHashMap<Integer, Long> watchArrivals =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Integer> lastStamp = new HashMap<>();
    private final long baseNanos;
    private volatile long maxStamp;
    private volatile boolean recording;

    static int stamp(long baseNanos, long atNanos) {
        return EmulatorServer.STAMP_OFFSET + (int) ((atNanos - baseNanos) / 1_000);
    }

    RowLatency(long baseNanos) {
        this.baseNanos = baseNanos;
    }

    /** Clears and starts recording (FX thread). Stamps seen before stay known, so only new ones count. */
    void begin() {
        latencies.clear();
        fromWatch.clear();
        watchArrivals.clear();
        recording = true;
    }

    /** Notes when a stamp reached the app's watch thread (any thread; only while recording). */
    void arrivedOnWatch(int stamp, long nanos) {
        if (recording && watchArrivals.size() < 1_000_000) {
            watchArrivals.put(stamp, nanos);
        }
    }

    void end() {
        recording = false;
    }

    /** The largest stamp that reached the list. */
    long maxStamp() {
        return maxStamp;
    }

    @Override
    public void onChanged(Change<? extends PodRow> c) {
        boolean record = recording;
        long now = System.nanoTime();
        long base = baseNanos;
        while (c.next()) {
            if (!c.wasAdded()) {
                continue;
            }
            for (PodRow r : c.getAddedSubList()) {
                int s = r.restarts();
                if (s < EmulatorServer.STAMP_OFFSET) {
                    continue;
                }
                Integer previous = lastStamp.put(r.uid(), s);
                if (previous == null || previous != s) {
                    if (record) {
                        latencies.add(now - (base + (s - EmulatorServer.STAMP_OFFSET) * 1_000L));
                        Long arrived = watchArrivals.remove(s);
                        if (arrived != null) {
                            fromWatch.add(now - arrived);
                        }
                    }
                    if (s > maxStamp) {
                        maxStamp = s;
                    }
                }
            }
        }
    }
}
