package dev.pilothouse.core.diagnostics;

import dev.pilothouse.core.kube.WatchObserver;
import dev.pilothouse.core.metrics.EndpointKind;
import dev.pilothouse.core.metrics.RequestObserver;
import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.cluster.ConnectionState;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The console's own metrics, in a registry of their own (not the client library's global default, so that tests and
 * two consoles in one JVM never mix their figures). Watches, endpoints and the FX thread report here; the
 * diagnostics view reads {@link #snapshot()}; {@code --metrics-port} serves {@link #registry()}.
 *
 * <p>Label values are contexts, kinds, backends, queues and connection states: all bounded by the kubeconfig and the
 * installed plugins, never by objects, namespaces or queries.
 */
public final class SelfMetrics implements WatchObserver, RequestObserver {

    private static final Logger LOG = LoggerFactory.getLogger(SelfMetrics.class);

    /** From a quick local answer to the endpoint's timeout. */
    static final double[] QUERY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    /** Around one frame (16.7 ms at 60 Hz): below it the UI is smooth, above it frames drop. */
    static final double[] PULSE_BUCKETS = {0.001, 0.002, 0.004, 0.008, 0.016, 0.033, 0.05, 0.1, 0.25, 0.5, 1};
    /** The view's percentiles cover this much recent time: long enough to be stable, short enough to be current. */
    static final Duration PULSE_WINDOW = Duration.ofMinutes(1);
    static final Duration QUERY_WINDOW = Duration.ofMinutes(5);
    /** A minute of pulses at 60 Hz. */
    private static final int PULSE_SAMPLES = 4096;
    private static final int QUERY_SAMPLES = 256;

    private record QueryKey(String backend, String context) {
    }

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final LongSupplier nanoTime;
    private final Counter watchEvents;
    private final Counter reconnects;
    private final Histogram queryDuration;
    private final Counter queryFailures;
    private final Histogram pulseDuration;
    private final Gauge alertsFiring;
    private final RecentSamples recentPulses = new RecentSamples(PULSE_SAMPLES, PULSE_WINDOW.toNanos());
    private final Map<QueryKey, RecentSamples> recentQueries = new ConcurrentHashMap<>();
    private final Map<String, IntSupplier> queues = new ConcurrentSkipListMap<>();
    private volatile Supplier<List<ClusterInfo>> clusters = List::of;
    private volatile IntSupplier activeWatches = () -> 0;

    public SelfMetrics() {
        this(System::nanoTime);
    }

    /** @param nanoTime the monotonic clock recent samples and snapshots are timed with */
    SelfMetrics(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        watchEvents = Counter.builder().name("pilothouse_watch_events_total")
                .help("Watch events (added, modified, deleted) received, per context and kind")
                .labelNames("context", "kind").register(registry);
        reconnects = Counter.builder().name("pilothouse_watch_reconnects_total")
                .help("Watches that broke (failure or 410 Gone) and listed again, per context")
                .labelNames("context").register(registry);
        queryDuration = Histogram.builder().name("pilothouse_query_duration_seconds")
                .help("Duration of requests to Prometheus and Alertmanager, per backend and context")
                .labelNames("backend", "context").classicOnly().classicUpperBounds(QUERY_BUCKETS)
                .withoutExemplars().register(registry);
        queryFailures = Counter.builder().name("pilothouse_query_failures_total")
                .help("Requests to Prometheus and Alertmanager that found the endpoint failing")
                .labelNames("backend", "context").register(registry);
        pulseDuration = Histogram.builder().name("pilothouse_fx_pulse_seconds")
                .help("Time the JavaFX thread spends in CSS and layout per pulse of the main window")
                .classicOnly().classicUpperBounds(PULSE_BUCKETS).withoutExemplars().register(registry);
        alertsFiring = Gauge.builder().name("pilothouse_alerts_firing")
                .help("Firing alerts per context (silenced ones included); absent while they cannot be read")
                .labelNames("context").register(registry);
        GaugeWithCallback.builder().name("pilothouse_queue_depth")
                .help("Items waiting in the console's internal queues, sampled at scrape time")
                .labelNames("queue")
                .callback(cb -> queues.forEach((name, depth) -> cb.call(sample(depth, name), name)))
                .register(registry);
        GaugeWithCallback.builder().name("pilothouse_watches_active")
                .help("Shared list-and-watch loops running")
                .callback(cb -> cb.call(sample(activeWatches, "active watches")))
                .register(registry);
        GaugeWithCallback.builder().name("pilothouse_connection_state")
                .help("1 for each context's current connection state, 0 for the others")
                .labelNames("context", "state")
                .callback(cb -> connectionStates().forEach((context, current) -> {
                    for (ConnectionState s : ConnectionState.values()) {
                        cb.call(s == current ? 1 : 0, context, label(s));
                    }
                }))
                .register(registry);
    }

    /** The registry holding every metric, for an exporter. */
    public PrometheusRegistry registry() {
        return registry;
    }

    @Override
    public void event(String context, String kind) {
        watchEvents.labelValues(context, kind).inc();
    }

    @Override
    public void reconnect(String context) {
        reconnects.labelValues(context).inc();
    }

    @Override
    public void answered(String cluster, EndpointKind kind, Duration took, boolean succeeded) {
        String backend = kind.name().toLowerCase(Locale.ROOT);
        double seconds = took.toNanos() / 1e9;
        queryDuration.labelValues(backend, cluster).observe(seconds);
        if (!succeeded) {
            queryFailures.labelValues(backend, cluster).inc();
        }
        recentQueries.computeIfAbsent(new QueryKey(backend, cluster),
                k -> new RecentSamples(QUERY_SAMPLES, QUERY_WINDOW.toNanos())).add(nanoTime.getAsLong(), seconds);
    }

    /** One FX pulse of the main window took this long. */
    public void pulse(Duration took) {
        double seconds = took.toNanos() / 1e9;
        pulseDuration.observe(seconds);
        recentPulses.add(nanoTime.getAsLong(), seconds);
    }

    /** The alerts of a context were read: this many fire. */
    public void alertsFiring(String context, int firing) {
        alertsFiring.labelValues(context).set(firing);
    }

    /**
     * The alerts of a context could not be read (no endpoint, unreachable): its series is removed rather than left
     * at the last value, so that a dashboard shows "no data" instead of a stale count that looks current.
     */
    public void alertsUnknown(String context) {
        alertsFiring.remove(context);
    }

    /** Samples a queue's depth whenever the metrics are read; the name is its {@code queue} label. */
    public void trackQueue(String name, IntSupplier depth) {
        queues.put(name, depth);
    }

    /** Samples the contexts' connection states whenever the metrics are read. */
    public void trackConnections(Supplier<List<ClusterInfo>> clusters) {
        this.clusters = clusters;
    }

    /** Samples the number of running watches whenever the metrics are read. */
    public void trackWatches(IntSupplier active) {
        this.activeWatches = active;
    }

    /** Every figure now. Cheap enough to call every second. */
    public DiagnosticsSnapshot snapshot() {
        long now = nanoTime.getAsLong();
        List<DiagnosticsSnapshot.WatchEvents> events = new ArrayList<>();
        watchEvents.collect().getDataPoints().forEach(p -> events.add(new DiagnosticsSnapshot.WatchEvents(
                p.getLabels().get("context"), p.getLabels().get("kind"), (long) p.getValue())));
        events.sort(Comparator.comparing(DiagnosticsSnapshot.WatchEvents::context)
                .thenComparing(DiagnosticsSnapshot.WatchEvents::kind));
        TreeMap<String, Long> reconnectTotals = new TreeMap<>();
        reconnects.collect().getDataPoints().forEach(p -> reconnectTotals.put(p.getLabels().get("context"),
                (long) p.getValue()));
        TreeMap<String, Integer> depths = new TreeMap<>();
        queues.forEach((name, depth) -> depths.put(name, (int) sample(depth, name)));
        Map<Labels, Long> failures = new HashMap<>();
        queryFailures.collect().getDataPoints().forEach(p -> failures.put(p.getLabels(), (long) p.getValue()));
        List<DiagnosticsSnapshot.Queries> queries = new ArrayList<>();
        queryDuration.collect().getDataPoints().forEach(p -> {
            String backend = p.getLabels().get("backend");
            String context = p.getLabels().get("context");
            RecentSamples recent = recentQueries.get(new QueryKey(backend, context));
            queries.add(new DiagnosticsSnapshot.Queries(backend, context, p.getCount(),
                    failures.getOrDefault(p.getLabels(), 0L), recent == null ? Latency.NONE : recent.summary(now)));
        });
        queries.sort(Comparator.comparing(DiagnosticsSnapshot.Queries::backend)
                .thenComparing(DiagnosticsSnapshot.Queries::context));
        TreeMap<String, Integer> firing = new TreeMap<>();
        alertsFiring.collect().getDataPoints().forEach(p -> firing.put(p.getLabels().get("context"),
                (int) p.getValue()));
        return new DiagnosticsSnapshot(now, events, reconnectTotals, depths, queries, recentPulses.summary(now), firing,
                connectionStates(),
                (int) sample(activeWatches, "active watches"));
    }

    private TreeMap<String, ConnectionState> connectionStates() {
        TreeMap<String, ConnectionState> states = new TreeMap<>();
        try {
            for (ClusterInfo c : clusters.get()) {
                states.put(c.name(), c.status().state());
            }
        } catch (RuntimeException e) {
            LOG.debug("reading connection states failed", e);
        }
        return states;
    }

    /** A sampled source that fails must not break the scrape or the view: it reads as zero. */
    private static double sample(IntSupplier source, String what) {
        try {
            return source.getAsInt();
        } catch (RuntimeException e) {
            LOG.debug("sampling {} failed", what, e);
            return 0;
        }
    }

    private static String label(ConnectionState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
