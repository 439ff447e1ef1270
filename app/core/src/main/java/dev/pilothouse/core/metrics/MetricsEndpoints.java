package dev.pilothouse.core.metrics;

import dev.pilothouse.core.metrics.client.AlertmanagerClient;
import dev.pilothouse.core.metrics.client.PrometheusClient;
import dev.pilothouse.core.metrics.endpoint.DirectTransport;
import dev.pilothouse.core.metrics.endpoint.EndpointConfig;
import dev.pilothouse.core.metrics.endpoint.EndpointException;
import dev.pilothouse.core.metrics.endpoint.ServiceProxyTransport;
import dev.pilothouse.core.metrics.endpoint.ServiceRef;
import dev.pilothouse.core.metrics.endpoint.Transport;
import dev.pilothouse.sdk.alerts.AlertService;
import dev.pilothouse.sdk.cluster.Subscription;
import dev.pilothouse.sdk.metrics.MetricsService;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Which Prometheus and Alertmanager each cluster uses, and how they are doing. In order of precedence: the endpoint
 * configured in settings, a preset address for the context, or one detected among the cluster's services and reached
 * through the API server's service proxy. Detection runs on first use, its result is kept until {@link #detect}
 * runs it again, and a failed detection is retried by a use ten seconds or more later.
 *
 * <p>Nothing here blocks a caller: every call returns a future completed on a virtual thread. Every request to an
 * endpoint, whoever makes it, updates its {@link EndpointStatus}; listeners hear of changes on background threads.
 * Views use {@link #metricsService()} and {@link #alertService()}; the action engine uses {@link #transport}.
 */
public final class MetricsEndpoints implements AutoCloseable {

    /** How long a failed detection is reported before a use tries again (views ask often; the server may be down). */
    static final Duration DETECTION_RETRY_PAUSE = Duration.ofSeconds(10);

    private record Key(String cluster, EndpointKind kind) {
    }

    /** A detection that failed, and when: uses within {@link #DETECTION_RETRY_PAUSE} get its error again. */
    private record FailedDetection(Instant at, Throwable error) {
    }

    /** An endpoint in use. */
    private record Resolved(EndpointOrigin origin, Transport transport, @Nullable ServiceRef service) {
    }

    private final ClusterAccess clusters;
    private final Clock clock;
    private final UnaryOperator<String> environment;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final StatusBoard board;
    private final Map<Key, Resolved> configured = new ConcurrentHashMap<>();
    private final Map<Key, Resolved> presets = new ConcurrentHashMap<>();
    private final Map<Key, Resolved> detected = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Detection>> detections = new ConcurrentHashMap<>();
    private final Map<String, FailedDetection> failedDetections = new ConcurrentHashMap<>();
    private final MetricsService metricsService;
    private final AlertService alertService;
    private final RequestObserver requests;

    /** Endpoints whose credentials come from the process environment. */
    public MetricsEndpoints(ClusterAccess clusters, Clock clock) {
        this(clusters, clock, System::getenv);
    }

    /**
     * @param clusters    how to reach each cluster's API server (detection, service proxy)
     * @param environment looks up the environment variables credentials may name
     */
    public MetricsEndpoints(ClusterAccess clusters, Clock clock, UnaryOperator<String> environment) {
        this(clusters, clock, environment, RequestObserver.NONE);
    }

    /**
     * @param requests hears of every request's duration and outcome (the console's own metrics)
     */
    public MetricsEndpoints(ClusterAccess clusters, Clock clock, UnaryOperator<String> environment,
                            RequestObserver requests) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.board = new StatusBoard(clock);
        this.metricsService = new EndpointMetricsService(this);
        this.alertService = new EndpointAlertService(this);
    }

    /**
     * Sets (or, with null, removes) the endpoint the user configured for a cluster; it wins over presets and
     * detection.
     */
    public void configure(String cluster, EndpointKind kind, @Nullable EndpointConfig config) {
        replace(configured, cluster, kind, config, EndpointOrigin.CONFIGURED);
    }

    /** Sets (or removes) the preset address of a context, used when nothing is configured. */
    public void preset(String cluster, EndpointKind kind, @Nullable EndpointConfig config) {
        replace(presets, cluster, kind, config, EndpointOrigin.PRESET);
    }

    private void replace(Map<Key, Resolved> map, String cluster, EndpointKind kind, @Nullable EndpointConfig config,
                         EndpointOrigin origin) {
        Key key = new Key(cluster, kind);
        Resolved old = config == null ? map.remove(key) : map.put(key, direct(key, config, origin));
        if (old != null && old.transport() instanceof TrackedTransport t && t.delegate() instanceof DirectTransport d) {
            d.close();
        }
        Resolved current = fixed(key);
        if (current != null) {
            board.chosen(cluster, kind, current.origin(), current.transport().endpoint());
        } else if (detections.containsKey(cluster)) {
            resolve(cluster, kind);
        } else {
            board.forget(cluster, kind); // unknown again: detection runs when a view next needs it
        }
    }

    private Resolved direct(Key key, EndpointConfig config, EndpointOrigin origin) {
        return new Resolved(origin, tracked(key, origin, new DirectTransport(config, environment)), null);
    }

    private @Nullable Resolved fixed(Key key) {
        Resolved r = configured.get(key);
        return r != null ? r : presets.get(key);
    }

    /** Looks for the cluster's Prometheus and Alertmanager services again, replacing what an earlier run found. */
    public CompletableFuture<Detection> detect(String cluster) {
        CompletableFuture<Detection> run = new CompletableFuture<>();
        detections.put(cluster, run);
        startDetection(cluster, run);
        return run;
    }

    private CompletableFuture<Detection> detection(String cluster) {
        FailedDetection failed = failedDetections.get(cluster);
        if (failed != null && !detections.containsKey(cluster)
                && clock.instant().isBefore(failed.at().plus(DETECTION_RETRY_PAUSE))) {
            return CompletableFuture.failedFuture(failed.error());
        }
        CompletableFuture<Detection> created = new CompletableFuture<>();
        CompletableFuture<Detection> existing = detections.putIfAbsent(cluster, created);
        if (existing != null) {
            return existing;
        }
        startDetection(cluster, created);
        return created;
    }

    private void startDetection(String cluster, CompletableFuture<Detection> run) {
        for (EndpointKind kind : EndpointKind.values()) {
            if (fixed(new Key(cluster, kind)) == null) {
                board.detecting(cluster, kind);
            }
        }
        CompletableFuture<Detection> detected;
        try {
            detected = CompletableFuture.supplyAsync(() -> ServiceDetector.detect(clusters.client(cluster), clock),
                    executor);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // Closed (the window is going away): a late caller gets a failed detection, not an exception.
            detected = CompletableFuture.failedFuture(new IllegalStateException("metrics endpoints are closed"));
        }
        detected.whenComplete((found, error) -> {
            if (error != null) {
                // Not kept: the cluster may have been unreachable for a moment; a later use tries again.
                detections.remove(cluster, run);
                failedDetections.put(cluster, new FailedDetection(clock.instant(), error));
            } else {
                failedDetections.remove(cluster);
            }
            // Statuses first, so that whoever waits on the detection sees them updated.
            for (EndpointKind kind : EndpointKind.values()) {
                if (fixed(new Key(cluster, kind)) == null) {
                    adopt(new Key(cluster, kind), found, error);
                }
            }
            if (error != null) {
                run.completeExceptionally(error);
            } else {
                run.complete(found);
            }
        });
    }

    /** The endpoint of a kind for a cluster, if there is one; detects on first use. Never fails. */
    private CompletableFuture<Optional<Resolved>> resolve(String cluster, EndpointKind kind) {
        Key key = new Key(cluster, kind);
        Resolved fixed = fixed(key);
        if (fixed != null) {
            board.chosen(cluster, kind, fixed.origin(), fixed.transport().endpoint());
            return CompletableFuture.completedFuture(Optional.of(fixed));
        }
        return detection(cluster).handle((found, error) -> {
            Resolved configuredMeanwhile = fixed(key);
            return configuredMeanwhile != null ? Optional.of(configuredMeanwhile) : adopt(key, found, error);
        });
    }

    /** Takes a detection's result for one kind: the proxy transport to the best candidate, or why there is none. */
    private Optional<Resolved> adopt(Key key, @Nullable Detection found, @Nullable Throwable error) {
        String cluster = key.cluster();
        EndpointKind kind = key.kind();
        if (error != null || found == null) {
            board.notFound(cluster, kind, "detection failed: " + (error == null ? "no result" : rootMessage(error)));
            return Optional.empty();
        }
        Optional<ServiceRef> best = found.best(kind);
        if (best.isEmpty()) {
            detected.remove(key);
            board.notFound(cluster, kind, "no " + kind.displayName() + " service found"
                    + (found.problem().isEmpty() ? "" : " (" + found.problem() + ")"));
            return Optional.empty();
        }
        Resolved r = detected.compute(key, (k, old) -> old != null && best.get().equals(old.service()) ? old
                : new Resolved(EndpointOrigin.DETECTED, tracked(key, EndpointOrigin.DETECTED,
                        new ServiceProxyTransport(() -> clusters.client(cluster), clusters.apiServer(cluster),
                                best.get(), "", EndpointConfig.DEFAULT_TIMEOUT,
                                EndpointConfig.DEFAULT_MAX_RESPONSE_BYTES, executor)), best.get()));
        board.chosen(cluster, kind, EndpointOrigin.DETECTED, r.transport().endpoint());
        return Optional.of(r);
    }

    private Transport tracked(Key key, EndpointOrigin origin, Transport transport) {
        return new TrackedTransport(transport,
                () -> board.success(key.cluster(), key.kind(), origin, transport.endpoint()),
                failure -> board.failure(key.cluster(), key.kind(), origin, transport.endpoint(), failure),
                (nanos, succeeded) -> requests.answered(key.cluster(), key.kind(), Duration.ofNanos(nanos), succeeded));
    }

    /** The cluster's Prometheus client, or empty when none is configured or found. */
    public CompletableFuture<Optional<PrometheusClient>> prometheus(String cluster) {
        return resolve(cluster, EndpointKind.PROMETHEUS).thenApply(r -> r.map(x -> new PrometheusClient(x.transport())));
    }

    /** The cluster's Alertmanager client, or empty when none is configured or found. */
    public CompletableFuture<Optional<AlertmanagerClient>> alertmanager(String cluster) {
        return resolve(cluster, EndpointKind.ALERTMANAGER)
                .thenApply(r -> r.map(x -> new AlertmanagerClient(x.transport())));
    }

    /**
     * The transport to a cluster's endpoint, for the action engine's HTTP calls (silences).
     *
     * @throws EndpointException (in the future) NOT_CONFIGURED when there is none
     */
    public CompletableFuture<Transport> transport(String cluster, EndpointKind kind) {
        return resolve(cluster, kind).thenApply(r -> r.map(Resolved::transport)
                .orElseThrow(() -> notConfigured(cluster, kind)));
    }

    /** Whether the cluster has an endpoint of this kind now; starts detection (in the background) if it never ran. */
    public boolean available(String cluster, EndpointKind kind) {
        if (fixed(new Key(cluster, kind)) != null) {
            return true;
        }
        if (board.get(cluster, kind).state() == EndpointStatus.State.UNKNOWN || !detections.containsKey(cluster)) {
            resolve(cluster, kind); // never ran, or failed: try (again) in the background
        }
        return board.get(cluster, kind).known();
    }

    EndpointException notConfigured(String cluster, EndpointKind kind) {
        EndpointStatus s = board.get(cluster, kind);
        return EndpointException.notConfigured("no " + kind.displayName() + " is configured for " + cluster
                + (s.lastError().isEmpty() ? "" : ": " + s.lastError()));
    }

    public EndpointStatus status(String cluster, EndpointKind kind) {
        return board.get(cluster, kind);
    }

    /** Every status known so far, by cluster then kind. */
    public List<EndpointStatus> statuses() {
        return board.all();
    }

    /** Listens to status changes (on background threads: hand over to the FX thread yourself). */
    public Subscription onStatusChange(Consumer<EndpointStatus> listener) {
        return board.listen(listener);
    }

    /** The SDK's metrics service over these endpoints, for plugins and views. */
    public MetricsService metricsService() {
        return metricsService;
    }

    /** The SDK's alert service over these endpoints, for plugins and views. */
    public AlertService alertService() {
        return alertService;
    }

    /** Closes direct connections and stops background work; futures in flight fail. */
    @Override
    public void close() {
        for (Map<Key, Resolved> map : List.of(configured, presets)) {
            map.values().forEach(r -> {
                if (r.transport() instanceof TrackedTransport t && t.delegate() instanceof DirectTransport d) {
                    d.close();
                }
            });
            map.clear();
        }
        executor.shutdownNow();
    }

    static String rootMessage(Throwable error) {
        EndpointException known = EndpointException.unwrap(error);
        if (known != null) {
            return known.getMessage();
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
