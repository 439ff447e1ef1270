package dev.pilothouse.desktop.diagnostics;

import dev.pilothouse.core.diagnostics.DiagnosticsSnapshot;
import dev.pilothouse.core.diagnostics.SelfMetrics;
import dev.pilothouse.sdk.cluster.ConnectionState;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The diagnostics view's state: the figures of the last snapshot, and rates against the one before. Holds no nodes;
 * {@link #refresh()} runs on the FX thread (a snapshot only reads counters in memory).
 */
final class DiagnosticsViewModel {

    /** One context's figures. Null state or alerts mean unknown. */
    record ContextRow(String context, @Nullable ConnectionState state, double eventsPerSecond, long reconnects,
                      @Nullable Integer alertsFiring) {
    }

    /** A figure's value over time, for the charts: epoch millis and values, oldest first. */
    record Trend(long[] times, double[] values) {
    }

    /** Points kept per trend: ten minutes at one refresh a second. */
    static final int TREND_POINTS = 600;

    private final SelfMetrics metrics;
    private final LongSupplier wallClock;
    private @Nullable DiagnosticsSnapshot previous;

    private final ObservableList<DiagnosticsSnapshot.EventRate> events = FXCollections.observableArrayList();
    private final ObservableList<ContextRow> contexts = FXCollections.observableArrayList();
    private final ObservableList<DiagnosticsSnapshot.Queries> queries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper eventsPerSecond = new ReadOnlyStringWrapper(Figures.NONE);
    private final ReadOnlyStringWrapper reconnects = new ReadOnlyStringWrapper(Figures.NONE);
    private final ReadOnlyStringWrapper watches = new ReadOnlyStringWrapper(Figures.NONE);
    private final ReadOnlyStringWrapper queued = new ReadOnlyStringWrapper(Figures.NONE);
    private final ReadOnlyStringWrapper queuedDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pulseP99 = new ReadOnlyStringWrapper(Figures.NONE);
    private final ReadOnlyStringWrapper pulseDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper alertsFiring = new ReadOnlyStringWrapper(Figures.NONE);
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private final TrendBuffer eventTrend = new TrendBuffer(TREND_POINTS);
    private final TrendBuffer pulseTrend = new TrendBuffer(TREND_POINTS);

    DiagnosticsViewModel(SelfMetrics metrics, LongSupplier wallClock) {
        this.metrics = metrics;
        this.wallClock = wallClock;
    }

    /** Takes a snapshot and updates every figure. */
    void refresh() {
        DiagnosticsSnapshot now = metrics.snapshot();
        List<DiagnosticsSnapshot.EventRate> rates = now.eventRates(previous);
        double total = now.eventsPerSecond(previous);
        events.setAll(rates);
        contexts.setAll(contextRows(now, rates));
        queries.setAll(now.queries());
        eventsPerSecond.set(Figures.rate(total));
        reconnects.set(Figures.count(now.totalReconnects()));
        watches.set(Figures.count(now.activeWatches()));
        queued.set(Figures.count(now.queueDepths().values().stream().mapToInt(Integer::intValue).sum()));
        queuedDetail.set(queueDetail(now.queueDepths()));
        pulseP99.set(Figures.p99(now.pulse()));
        pulseDetail.set(now.pulse().measured() ? "p50 " + Figures.p50(now.pulse()) + " · last minute" : "no frames yet");
        alertsFiring.set(now.alertsFiring().isEmpty() ? Figures.NONE : Figures.count(now.totalAlertsFiring()));
        empty.set(now.empty());
        long at = wallClock.getAsLong();
        if (!Double.isNaN(total)) {
            eventTrend.add(at, total);
        }
        if (now.pulse().measured()) {
            pulseTrend.add(at, now.pulse().p99());
        }
        previous = now;
    }

    private static List<ContextRow> contextRows(DiagnosticsSnapshot now, List<DiagnosticsSnapshot.EventRate> rates) {
        List<ContextRow> rows = new ArrayList<>();
        for (String context : now.contexts()) {
            double perSecond = rates.stream().filter(r -> r.context().equals(context))
                    .mapToDouble(DiagnosticsSnapshot.EventRate::perSecond).sum();
            rows.add(new ContextRow(context, now.connections().get(context), perSecond,
                    now.reconnects().getOrDefault(context, 0L), now.alertsFiring().get(context)));
        }
        return rows;
    }

    private static String queueDetail(Map<String, Integer> depths) {
        List<String> parts = new ArrayList<>();
        depths.forEach((name, depth) -> parts.add(queueName(name) + " " + depth));
        return String.join(" · ", parts);
    }

    /** The queues' labels in words. */
    static String queueName(String queue) {
        return switch (queue) {
            case "fx_flushes" -> "FX updates";
            case "watch_tasks" -> "watch tasks";
            default -> queue.replace('_', ' ');
        };
    }

    ObservableList<DiagnosticsSnapshot.EventRate> events() {
        return events;
    }

    ObservableList<ContextRow> contexts() {
        return contexts;
    }

    ObservableList<DiagnosticsSnapshot.Queries> queries() {
        return queries;
    }

    ReadOnlyStringProperty eventsPerSecond() {
        return eventsPerSecond.getReadOnlyProperty();
    }

    ReadOnlyStringProperty reconnects() {
        return reconnects.getReadOnlyProperty();
    }

    ReadOnlyStringProperty watches() {
        return watches.getReadOnlyProperty();
    }

    ReadOnlyStringProperty queued() {
        return queued.getReadOnlyProperty();
    }

    ReadOnlyStringProperty queuedDetail() {
        return queuedDetail.getReadOnlyProperty();
    }

    ReadOnlyStringProperty pulseP99() {
        return pulseP99.getReadOnlyProperty();
    }

    ReadOnlyStringProperty pulseDetail() {
        return pulseDetail.getReadOnlyProperty();
    }

    ReadOnlyStringProperty alertsFiring() {
        return alertsFiring.getReadOnlyProperty();
    }

    /** True while nothing has been measured yet. */
    ReadOnlyBooleanProperty empty() {
        return empty.getReadOnlyProperty();
    }

    Trend eventTrend() {
        return eventTrend.trend();
    }

    Trend pulseTrend() {
        return pulseTrend.trend();
    }

    /** A fixed ring of (time, value) points. */
    private static final class TrendBuffer {
        private final long[] times;
        private final double[] values;
        private int next;
        private int size;

        TrendBuffer(int capacity) {
            times = new long[capacity];
            values = new double[capacity];
        }

        void add(long time, double value) {
            times[next] = time;
            values[next] = value;
            next = (next + 1) % times.length;
            size = Math.min(size + 1, times.length);
        }

        Trend trend() {
            long[] t = new long[size];
            double[] v = new double[size];
            int start = (next - size + times.length) % times.length;
            for (int i = 0; i < size; i++) {
                t[i] = times[(start + i) % times.length];
                v[i] = values[(start + i) % times.length];
            }
            return new Trend(t, v);
        }
    }
}
