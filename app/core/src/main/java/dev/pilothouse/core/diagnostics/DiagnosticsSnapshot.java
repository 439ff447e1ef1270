package dev.pilothouse.core.diagnostics;

import dev.pilothouse.sdk.cluster.ConnectionState;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The console's own figures at one moment. Totals are cumulative since start; rates come from comparing two
 * snapshots, so whoever reads them decides the interval and two readers never disturb each other.
 *
 * @param takenAtNanos  when it was taken, on the monotonic clock (only differences mean anything)
 * @param watchEvents   watch events received, per context and kind, sorted
 * @param reconnects    watch reconnects per context
 * @param queueDepths   items waiting per queue, as sampled now
 * @param queries       requests to Prometheus and Alertmanager per backend and context, sorted
 * @param pulse         recent FX pulse durations
 * @param alertsFiring  firing alerts per context; a context whose alerts could not be read is absent
 * @param connections   the state of each context's connection
 * @param activeWatches shared watches running now
 */
public record DiagnosticsSnapshot(long takenAtNanos, List<WatchEvents> watchEvents, SortedMap<String, Long> reconnects,
                                  SortedMap<String, Integer> queueDepths, List<Queries> queries, Latency pulse,
                                  SortedMap<String, Integer> alertsFiring,
                                  SortedMap<String, ConnectionState> connections, int activeWatches) {

    /** Watch events received for one kind of one context. */
    public record WatchEvents(String context, String kind, long total) {
    }

    /** Requests to one backend of one context: totals, and the recent durations. */
    public record Queries(String backend, String context, long total, long failures, Latency recent) {
    }

    /** Watch events per second for one kind of one context; NaN when there is no earlier snapshot to compare. */
    public record EventRate(String context, String kind, double perSecond, long total) {
    }

    public DiagnosticsSnapshot {
        watchEvents = List.copyOf(watchEvents);
        reconnects = new TreeMap<>(reconnects);
        queueDepths = new TreeMap<>(queueDepths);
        queries = List.copyOf(queries);
        alertsFiring = new TreeMap<>(alertsFiring);
        connections = new TreeMap<>(connections);
    }

    /** Events per second of each context and kind since an earlier snapshot (NaN without one). */
    public List<EventRate> eventRates(@Nullable DiagnosticsSnapshot earlier) {
        double seconds = secondsSince(earlier);
        Map<String, Long> before = new HashMap<>();
        if (earlier != null) {
            earlier.watchEvents.forEach(e -> before.put(e.context() + '\u0000' + e.kind(), e.total()));
        }
        List<EventRate> rates = new ArrayList<>(watchEvents.size());
        for (WatchEvents e : watchEvents) {
            long delta = e.total() - before.getOrDefault(e.context() + '\u0000' + e.kind(), 0L);
            rates.add(new EventRate(e.context(), e.kind(), rate(delta, seconds), e.total()));
        }
        return rates;
    }

    /** All watch events per second since an earlier snapshot (NaN without one). */
    public double eventsPerSecond(@Nullable DiagnosticsSnapshot earlier) {
        long now = watchEvents.stream().mapToLong(WatchEvents::total).sum();
        long then = earlier == null ? 0 : earlier.watchEvents.stream().mapToLong(WatchEvents::total).sum();
        return rate(now - then, secondsSince(earlier));
    }

    /** Reconnects of all contexts. */
    public long totalReconnects() {
        return reconnects.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Firing alerts of the contexts whose alerts could be read. */
    public int totalAlertsFiring() {
        return alertsFiring.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Every context any figure mentions, sorted. */
    public SortedSet<String> contexts() {
        SortedSet<String> all = new TreeSet<>(connections.keySet());
        all.addAll(reconnects.keySet());
        all.addAll(alertsFiring.keySet());
        watchEvents.forEach(e -> all.add(e.context()));
        queries.forEach(q -> all.add(q.context()));
        return all;
    }

    /** Whether nothing has been measured or tracked yet. */
    public boolean empty() {
        return watchEvents.isEmpty() && reconnects.isEmpty() && queries.isEmpty() && !pulse.measured()
                && alertsFiring.isEmpty() && connections.isEmpty();
    }

    private double secondsSince(@Nullable DiagnosticsSnapshot earlier) {
        return earlier == null ? Double.NaN : (takenAtNanos - earlier.takenAtNanos) / 1e9;
    }

    private static double rate(long delta, double seconds) {
        return Double.isNaN(seconds) || seconds <= 0 ? Double.NaN : Math.max(0, delta) / seconds;
    }
}
