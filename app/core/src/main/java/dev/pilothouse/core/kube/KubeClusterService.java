package dev.pilothouse.core.kube;

import dev.pilothouse.sdk.cluster.AccessDecision;
import dev.pilothouse.sdk.cluster.ClusterException;
import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.cluster.RowListener;
import dev.pilothouse.sdk.cluster.Subscription;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@link ClusterService} over real Kubernetes API servers. Watches are shared: one list-and-watch per cluster,
 * kind and scope, started by the first subscriber and stopped a little after the last one leaves (so flipping
 * between views does not relist). Nothing here blocks the caller.
 */
public final class KubeClusterService implements ClusterService, AutoCloseable {

    private static final Duration LINGER = Duration.ofSeconds(10);
    private static final Duration ACCESS_TTL = Duration.ofMinutes(2);

    private final Map<String, ClusterConnection> connections = new LinkedHashMap<>();
    private final Map<WatchKey, Shared<?>> watches = new ConcurrentHashMap<>();
    private final Map<String, CachedDecision> accessCache = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService io;
    private final Clock clock;
    private final BiConsumer<ResourceKind<?>, Throwable> projectionFailures;
    private final WatchObserver observer;

    public KubeClusterService(List<ClusterContext> contexts, Clock clock,
                              BiConsumer<ResourceKind<?>, Throwable> projectionFailures) {
        this(contexts, clock, projectionFailures, WatchObserver.NONE);
    }

    /**
     * @param observer hears of every watch's events and reconnects (the console's own metrics)
     */
    public KubeClusterService(List<ClusterContext> contexts, Clock clock,
                              BiConsumer<ResourceKind<?>, Throwable> projectionFailures, WatchObserver observer) {
        this.clock = clock;
        this.projectionFailures = projectionFailures;
        this.observer = Objects.requireNonNull(observer, "observer");
        for (ClusterContext c : contexts) {
            connections.put(c.name(), new ClusterConnection(c, clock));
        }
        this.scheduler = Executors.newScheduledThreadPool(2, daemon("kube-watch"));
        this.io = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kube-io-", 0).factory());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return Thread.ofPlatform().name(name + "-", 0).daemon(true).factory();
    }

    @Override
    public List<ClusterInfo> clusters() {
        return connections.values().stream().map(ClusterConnection::info).toList();
    }

    /** The connection of a context. */
    public ClusterConnection connection(String cluster) {
        ClusterConnection c = connections.get(cluster);
        if (c == null) {
            throw new IllegalArgumentException("unknown context '" + cluster + "'; known: " + connections.keySet());
        }
        return c;
    }

    @Override
    public Subscription onStatusChange(Consumer<ClusterInfo> listener) {
        connections.values().forEach(c -> c.addListener(listener));
        return () -> connections.values().forEach(c -> c.removeListener(listener));
    }

    @Override
    public <R extends Row> Subscription watch(String cluster, ResourceKind<R> kind, WatchScope scope, RowListener<R> listener) {
        ClusterConnection connection = connection(cluster);
        WatchKey key = new WatchKey(cluster, kind, kind.namespaced() ? scope : new WatchScope("", scope.labelSelector()));
        Shared<R> shared;
        synchronized (watches) {
            @SuppressWarnings("unchecked")
            Shared<R> existing = (Shared<R>) watches.get(key);
            if (existing == null) {
                WatchScope scope1 = key.scope();
                existing = new Shared<>(new ListWatch<>(connection, kind, scope1, scheduler, clock, projectionFailures,
                        () -> mayList(cluster, kind, scope1), observer));
                watches.put(key, existing);
                existing.watch.start();
            }
            shared = existing;
            shared.subscribers++;
            if (shared.stopTask != null) {
                shared.stopTask.cancel(false);
                shared.stopTask = null;
            }
        }
        shared.watch.addListener(listener);
        return new Subscription() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (watches) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    shared.watch.removeListener(listener);
                    if (--shared.subscribers == 0) {
                        shared.stopTask = scheduler.schedule(() -> stopIfUnused(key, shared), LINGER.toMillis(),
                                TimeUnit.MILLISECONDS);
                    }
                }
            }
        };
    }

    /**
     * The cached access review for listing a kind. When the review itself cannot be made (old servers, network), the
     * list is attempted anyway: the server's own 403 is the final word.
     */
    private dev.pilothouse.sdk.cluster.AccessDecision mayList(String cluster, ResourceKind<?> kind, WatchScope scope) {
        try {
            AccessDecision d = canI(cluster, "list", kind.gvk(), kind.namespaced() ? scope.namespace() : "")
                    .get(30, TimeUnit.SECONDS);
            return d.reason().startsWith("could not check access") ? new AccessDecision(true, "") : d;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return new AccessDecision(true, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AccessDecision(true, "");
        }
    }

    private void stopIfUnused(WatchKey key, Shared<?> shared) {
        synchronized (watches) {
            if (shared.subscribers == 0 && watches.get(key) == shared) {
                watches.remove(key);
                shared.watch.stop();
            }
        }
    }

    @Override
    public Subscription streamLog(String cluster, String namespace, String pod, dev.pilothouse.sdk.cluster.LogOptions options,
                                  dev.pilothouse.sdk.cluster.LogListener listener) {
        return LogStream.open(connection(cluster), namespace, pod, options, listener);
    }

    @Override
    public void reconnect(String cluster) {
        ClusterConnection c = connection(cluster);
        c.resetCredentials();
        synchronized (watches) {
            watches.forEach((key, shared) -> {
                if (key.cluster().equals(cluster)) {
                    shared.watch.retryNow();
                }
            });
        }
    }

    /** How many shared watches are running (for tests and diagnostics). */
    public int activeWatchCount() {
        return watches.size();
    }

    /**
     * How many watch tasks (lists, relists, resumes) are due but wait for one of the watch threads: above zero for
     * long, the watches fall behind. Retries scheduled for later do not count.
     */
    public int queuedWatchTasks() {
        if (!(scheduler instanceof java.util.concurrent.ScheduledThreadPoolExecutor pool)) {
            return 0;
        }
        int due = 0;
        for (Runnable task : pool.getQueue()) {
            if (task instanceof java.util.concurrent.Delayed d && d.getDelay(TimeUnit.NANOSECONDS) <= 0) {
                due++;
            }
        }
        return due;
    }

    @Override
    public CompletableFuture<KubeObject> get(String cluster, GroupVersionKind gvk, String namespace, String name) {
        ClusterConnection c = connection(cluster);
        return call(c, "get " + gvk.kind() + " " + qualified(namespace, name), () -> {
            var op = c.client().genericKubernetesResources(ResourceContexts.of(gvk, !namespace.isEmpty()));
            GenericKubernetesResource r = namespace.isEmpty() ? op.withName(name).get()
                    : op.inNamespace(namespace).withName(name).get();
            if (r == null) {
                throw new ClusterException(cluster + ": " + gvk.kind() + " " + qualified(namespace, name) + " not found", 404, null);
            }
            return toObject(c, r);
        });
    }

    @Override
    public CompletableFuture<List<KubeObject>> list(String cluster, GroupVersionKind gvk, WatchScope scope) {
        ClusterConnection c = connection(cluster);
        return call(c, "list " + gvk.qualifiedPlural(), () -> {
            var op = c.client().genericKubernetesResources(ResourceContexts.of(gvk, true));
            var scoped = scope.allNamespaces() ? op.inAnyNamespace() : op.inNamespace(scope.namespace());
            var listed = scope.labelSelector().isEmpty() ? scoped.list() : scoped.withLabelSelector(scope.labelSelector()).list();
            List<KubeObject> result = new ArrayList<>(listed.getItems().size());
            for (GenericKubernetesResource r : listed.getItems()) {
                result.add(toObject(c, r));
            }
            return result;
        });
    }

    @Override
    public CompletableFuture<String> serverVersion(String cluster) {
        ClusterConnection c = connection(cluster);
        return call(c, "read the server version", () -> c.client().getKubernetesVersion().getGitVersion());
    }

    @Override
    public CompletableFuture<AccessDecision> canI(String cluster, String verb, GroupVersionKind gvk, String namespace) {
        return canI(cluster, verb, gvk, namespace, "", "");
    }

    /**
     * {@link #canI(String, String, GroupVersionKind, String)} for one object or subresource, as the action engine
     * asks before changing something (RBAC may grant {@code workflows/status} or single resource names).
     *
     * @param name        the object, empty for the whole collection
     * @param subresource {@code status}, {@code scale}, or empty
     */
    public CompletableFuture<AccessDecision> canI(String cluster, String verb, GroupVersionKind gvk, String namespace,
                                                  String name, String subresource) {
        String key = cluster + "|" + verb + "|" + gvk.qualifiedPlural() + "|" + namespace + "|" + name + "|" + subresource;
        CachedDecision cached = accessCache.get(key);
        Instant now = clock.instant();
        if (cached != null && cached.expires().isAfter(now)) {
            return CompletableFuture.completedFuture(cached.decision());
        }
        ClusterConnection c = connection(cluster);
        return call(c, "check access", () -> {
            SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder()
                    .withNewSpec().withNewResourceAttributes()
                    .withVerb(verb).withGroup(gvk.group()).withResource(gvk.plural())
                    .withNamespace(namespace.isEmpty() ? null : namespace)
                    .withName(name.isEmpty() ? null : name)
                    .withSubresource(subresource.isEmpty() ? null : subresource)
                    .endResourceAttributes().endSpec().build();
            SelfSubjectAccessReview answer = c.client().authorization().v1().selfSubjectAccessReview().create(review);
            boolean allowed = answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
            String reason = answer.getStatus() == null ? "" : Objects.requireNonNullElse(answer.getStatus().getReason(), "");
            AccessDecision decision = new AccessDecision(allowed, reason);
            accessCache.put(key, new CachedDecision(decision, clock.instant().plus(ACCESS_TTL)));
            return decision;
        }).exceptionally(e -> new AccessDecision(false, "could not check access: " + KubeconfigLoader.rootMessage(e)));
    }

    /**
     * Sends one write request (PATCH, POST) with exactly this body: the action engine's way to change a cluster, so
     * the bytes it previewed are the bytes sent. Completes with the object the server answered with. A refusal
     * (403, 404, 409, 422, ...) fails with a {@link ClusterException} carrying the status and the server's message;
     * it says nothing about the connection, which stays as it was.
     *
     * @param path an absolute API path such as {@code /apis/argoproj.io/v1alpha1/namespaces/ml/workflows/x}
     */
    public CompletableFuture<KubeObject> write(String cluster, String method, String path, String contentType,
                                               String body) {
        ClusterConnection c = connection(cluster);
        String what = method + " " + path;
        return call(c, what, () -> {
            KubernetesClient client = c.client();
            io.fabric8.kubernetes.client.http.HttpClient http = client.getHttpClient();
            io.fabric8.kubernetes.client.http.HttpResponse<String> response;
            try {
                // The master URL ends with '/', and may carry a proxy prefix that an absolute path would drop.
                java.net.URI uri = client.getMasterUrl().toURI().resolve(path.substring(1));
                var request = http.newHttpRequestBuilder().uri(uri).method(method, contentType, body)
                        .timeout(client.getConfiguration().getRequestTimeout(), TimeUnit.MILLISECONDS).build();
                response = http.sendAsync(request, String.class).get();
            } catch (java.net.URISyntaxException e) {
                throw new ClusterException(cluster + ": bad API path " + path, 0, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new io.fabric8.kubernetes.client.KubernetesClientException(KubeconfigLoader.rootMessage(e), e);
            }
            String answer = response.body() == null ? "" : response.body();
            if (response.code() == 401) {
                throw new io.fabric8.kubernetes.client.KubernetesClientException(statusMessage(answer), 401, null);
            }
            if (!response.isSuccessful()) {
                // The server answered: the connection is fine, the request was refused.
                throw new ClusterException(cluster + ": " + what + ": HTTP " + response.code() + ": "
                        + statusMessage(answer), response.code(), null);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = client.getKubernetesSerialization().unmarshal(answer, Map.class);
            return KubeObject.of(tree == null ? Map.of() : tree);
        });
    }

    /** The {@code message} of a Kubernetes Status body, which names the object; else the body itself. */
    private static String statusMessage(String body) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("message");
            if (node != null && node.isTextual()) {
                return node.asText();
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            // fall through: show the body as it came
        }
        String text = body.strip();
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    @SuppressWarnings("unchecked")
    private static KubeObject toObject(ClusterConnection c, GenericKubernetesResource r) {
        return KubeObject.of(c.client().getKubernetesSerialization().convertValue(r, Map.class));
    }

    private <T> CompletableFuture<T> call(ClusterConnection c, String what, Supplier<T> body) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                T result = body.get();
                c.markSynced();
                return result;
            } catch (ClusterException e) {
                throw e;
            } catch (RuntimeException e) {
                FailureKind kind = FailureKind.of(e);
                c.markFailed(kind, KubeconfigLoader.rootMessage(e));
                int status = e instanceof io.fabric8.kubernetes.client.KubernetesClientException k ? k.getCode() : 0;
                throw new ClusterException(c.name() + ": could not " + what + ": " + KubeconfigLoader.rootMessage(e), status, e);
            }
        }, io);
    }

    private static String qualified(String namespace, String name) {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    @Override
    public void close() {
        synchronized (watches) {
            watches.values().forEach(s -> s.watch.stop());
            watches.clear();
        }
        scheduler.shutdownNow();
        io.shutdownNow();
        connections.values().forEach(ClusterConnection::close);
    }

    private record WatchKey(String cluster, ResourceKind<?> kind, WatchScope scope) {
        // ResourceKind compares by identity on purpose: two plugins may project the same kind differently.
    }

    private record CachedDecision(AccessDecision decision, Instant expires) {
    }

    private static final class Shared<R extends Row> {
        final ListWatch<R> watch;
        int subscribers;
        ScheduledFuture<?> stopTask;

        Shared(ListWatch<R> watch) {
            this.watch = watch;
        }
    }
}
