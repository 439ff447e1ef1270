package dev.pilothouse.core.kube;

import dev.pilothouse.sdk.cluster.RowBatch;
import dev.pilothouse.sdk.cluster.RowListener;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.cluster.WatchState;
import dev.pilothouse.sdk.cluster.WatchStatus;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Keeps the rows of one kind and scope of one cluster current: list (in pages), then watch from the list's
 * resourceVersion, projecting every object to its slim row at once so no full object is retained. Any failure
 * keeps the last rows, reports the watch as stale, and relists after a bounded backoff; a 410 Gone relists at once.
 *
 * @param <R> row type
 */
final class ListWatch<R extends Row> {

    private static final Logger LOG = LoggerFactory.getLogger(ListWatch.class);
    private static final long PAGE_SIZE = 500;
    /** Credential plugins may open a browser: after this many failures in a row we wait for the user. */
    static final int MAX_AUTH_ATTEMPTS = 3;

    private final ClusterConnection connection;
    private final ResourceKind<R> kind;
    private final WatchScope scope;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final BiConsumer<ResourceKind<?>, Throwable> projectionFailures;
    private final java.util.function.Supplier<dev.pilothouse.sdk.cluster.AccessDecision> mayList;
    private final WatchObserver observer;
    private final String kindLabel;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private final List<RowListener<R>> listeners = new CopyOnWriteArrayList<>();

    // Guarded by this.
    private final Map<String, R> rows = new HashMap<>();
    private WatchStatus status = WatchStatus.loading();
    private boolean synced;
    private boolean stopped;
    private long generation;
    private Watch watch;
    private String lastResourceVersion;
    private ScheduledFuture<?> retry;
    private int authFailures;
    private boolean waitingForUser;

    /**
     * @param mayList  asks whether the user may list this kind here (a cached access review); asked before each list
     * @param observer hears of watch events and reconnects (the console's own metrics)
     */
    ListWatch(ClusterConnection connection, ResourceKind<R> kind, WatchScope scope, ScheduledExecutorService scheduler,
              Clock clock, BiConsumer<ResourceKind<?>, Throwable> projectionFailures,
              java.util.function.Supplier<dev.pilothouse.sdk.cluster.AccessDecision> mayList, WatchObserver observer) {
        this.mayList = mayList;
        this.observer = observer;
        this.kindLabel = kind.gvk().qualifiedPlural();
        this.connection = connection;
        this.kind = kind;
        this.scope = scope;
        this.scheduler = scheduler;
        this.clock = clock;
        this.projectionFailures = projectionFailures;
    }

    void start() {
        scheduler.execute(this::listAndWatch);
    }

    /** Starts again after the user fixed their credentials; does nothing while the watch is healthy. */
    synchronized void retryNow() {
        if (stopped || !waitingForUser && status.state() == WatchState.SYNCED) {
            return;
        }
        waitingForUser = false;
        authFailures = 0;
        backoff.reset();
        if (retry != null) {
            retry.cancel(false);
        }
        if (!scheduler.isShutdown()) {
            scheduler.execute(this::listAndWatch);
        }
    }

    synchronized void stop() {
        stopped = true;
        generation++;
        closeWatch();
        if (retry != null) {
            retry.cancel(false);
        }
        rows.clear();
    }

    /** Adds a listener and hands it the current rows and status. */
    synchronized void addListener(RowListener<R> listener) {
        listeners.add(listener);
        listener.onStatus(status);
        if (synced) {
            listener.onBatch(new RowBatch<>(new ArrayList<>(rows.values()), List.of(), true));
        }
    }

    synchronized void removeListener(RowListener<R> listener) {
        listeners.remove(listener);
    }

    synchronized int rowCount() {
        return rows.size();
    }

    private FilterWatchListDeletable<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> operation(
            io.fabric8.kubernetes.client.KubernetesClient client) {
        var op = client.genericKubernetesResources(ResourceContexts.of(kind.gvk(), kind.namespaced()));
        return kind.namespaced() && !scope.allNamespaces() ? op.inNamespace(scope.namespace()) : op.inAnyNamespace();
    }

    private void listAndWatch() {
        long myGeneration;
        synchronized (this) {
            if (stopped) {
                return;
            }
            myGeneration = ++generation;
            closeWatch();
        }
        try {
            // One client per attempt: obtaining it may run a credential plugin. The access review reuses it.
            var client = connection.client();
            var access = mayList.get();
            if (!access.allowed()) {
                forbidden(myGeneration, access.reason());
                return;
            }
            var op = operation(client);
            KubernetesSerialization serialization = client.getKubernetesSerialization();
            Map<String, R> fresh = new HashMap<>();
            String continueToken = null;
            String resourceVersion;
            do {
                GenericKubernetesResourceList page = op.list(listOptions(continueToken));
                for (GenericKubernetesResource item : page.getItems()) {
                    R row = project(serialization, item);
                    if (row != null) {
                        fresh.put(row.uid(), row);
                    }
                }
                continueToken = page.getMetadata() == null ? null : page.getMetadata().getContinue();
                resourceVersion = page.getMetadata() == null ? null : page.getMetadata().getResourceVersion();
            } while (continueToken != null && !continueToken.isEmpty());
            synchronized (this) {
                if (myGeneration != generation) {
                    return;
                }
                rows.clear();
                rows.putAll(fresh);
                synced = true;
                connection.markSynced();
                backoff.reset();
                authFailures = 0;
                emit(new RowBatch<>(new ArrayList<>(fresh.values()), List.of(), true));
                setStatus(new WatchStatus(WatchState.SYNCED, clock.instant(), ""));
                lastResourceVersion = resourceVersion;
                watch = op.watch(watchOptions(resourceVersion), new RowWatcher(myGeneration, serialization));
            }
        } catch (Exception e) {
            failed(myGeneration, e);
        }
    }

    /** The access review said no: say so, list nothing, and ask again later (roles change). */
    private synchronized void forbidden(long myGeneration, String reason) {
        if (stopped || myGeneration != generation) {
            return;
        }
        setStatus(new WatchStatus(WatchState.FORBIDDEN, status.lastSync(), "You may not list "
                + kind.gvk().qualifiedPlural() + (scope.allNamespaces() ? " in all namespaces" : " in " + scope.namespace())
                + (reason.isBlank() ? "" : ": " + reason)));
        if (!scheduler.isShutdown()) {
            retry = scheduler.schedule(this::listAndWatch, 2, TimeUnit.MINUTES);
        }
    }

    private ListOptions listOptions(String continueToken) {
        ListOptionsBuilder b = new ListOptionsBuilder().withLimit(PAGE_SIZE);
        if (continueToken != null) {
            b.withContinue(continueToken);
        }
        if (!scope.labelSelector().isEmpty()) {
            b.withLabelSelector(scope.labelSelector());
        }
        return b.build();
    }

    private ListOptions watchOptions(String resourceVersion) {
        ListOptionsBuilder b = new ListOptionsBuilder().withAllowWatchBookmarks(true);
        if (resourceVersion != null && !resourceVersion.isEmpty()) {
            b.withResourceVersion(resourceVersion);
        }
        if (!scope.labelSelector().isEmpty()) {
            b.withLabelSelector(scope.labelSelector());
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private R project(KubernetesSerialization serialization, GenericKubernetesResource item) {
        try {
            Map<String, Object> tree = serialization.convertValue(item, Map.class);
            return kind.project(KubeObject.of(tree));
        } catch (RuntimeException e) {
            projectionFailures.accept(kind, e);
            return null;
        }
    }

    private void failed(long failedGeneration, Throwable error) {
        FailureKind failure = FailureKind.of(error);
        String message = KubeconfigLoader.rootMessage(error);
        synchronized (this) {
            if (stopped || failedGeneration != generation) {
                return;
            }
            closeWatch();
            connection.markFailed(failure, message);
            Duration delay = backoff.next();
            WatchState state = switch (failure) {
                case FORBIDDEN -> WatchState.FORBIDDEN;
                case NOT_FOUND -> WatchState.NOT_INSTALLED;
                default -> synced ? WatchState.STALE : WatchState.FAILED;
            };
            if (failure == FailureKind.GONE) {
                // Our resourceVersion was compacted away: the rows are still right up to it, so relist quietly.
                if (scheduler.isShutdown()) {
                    return;
                }
                observer.reconnect(connection.name());
                retry = scheduler.schedule(this::listAndWatch, 0, TimeUnit.MILLISECONDS);
                return;
            }
            LOG.debug("{} {} on {}: {} (retry in {})", kind.gvk(), scope, connection.name(), message, delay);
            if (failure == FailureKind.AUTH && ++authFailures >= MAX_AUTH_ATTEMPTS) {
                waitingForUser = true;
                setStatus(new WatchStatus(state, status.lastSync(), describe(failure, message)
                        + ". Pilothouse stopped retrying so it does not prompt you again: log in, then press Retry."));
                return;
            }
            setStatus(new WatchStatus(state, status.lastSync(), describe(failure, message)));
            if (scheduler.isShutdown()) {
                return;
            }
            observer.reconnect(connection.name());
            retry = scheduler.schedule(this::listAndWatch, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Re-opens a watch that the server ended normally, from the last resourceVersion seen. */
    private void resumeWatch(long watchGeneration, KubernetesSerialization serialization) {
        synchronized (this) {
            if (stopped || watchGeneration != generation) {
                return;
            }
            closeWatch();
            try {
                watch = operation(connection.client()).watch(watchOptions(lastResourceVersion),
                        new RowWatcher(watchGeneration, serialization));
            } catch (RuntimeException e) {
                if (!scheduler.isShutdown()) {
                    scheduler.execute(() -> failed(watchGeneration, e));
                }
            }
        }
    }

    private String describe(FailureKind failure, String message) {
        return switch (failure) {
            case FORBIDDEN -> "You may not list " + kind.gvk().qualifiedPlural() + " here: " + message;
            case NOT_FOUND -> kind.displayName() + " (" + kind.gvk().qualifiedPlural() + ") is not installed in this cluster";
            case AUTH -> "Authentication failed: " + message;
            default -> message;
        };
    }

    private void emit(RowBatch<R> batch) {
        for (RowListener<R> l : listeners) {
            try {
                l.onBatch(batch);
            } catch (RuntimeException e) {
                LOG.warn("Row listener failed", e);
            }
        }
    }

    private void setStatus(WatchStatus next) {
        status = next;
        for (RowListener<R> l : listeners) {
            try {
                l.onStatus(next);
            } catch (RuntimeException e) {
                LOG.warn("Row listener failed", e);
            }
        }
    }

    private void closeWatch() {
        if (watch != null) {
            Watch w = watch;
            watch = null;
            try {
                w.close();
            } catch (RuntimeException e) {
                LOG.debug("closing watch", e);
            }
        }
    }

    /** Applies watch events of one list generation; events of an older generation are ignored. */
    private final class RowWatcher implements Watcher<GenericKubernetesResource> {
        private final long watchGeneration;
        private final KubernetesSerialization serialization;

        RowWatcher(long watchGeneration, KubernetesSerialization serialization) {
            this.watchGeneration = watchGeneration;
            this.serialization = serialization;
        }

        @Override
        public void eventReceived(Action action, GenericKubernetesResource resource) {
            if (action == Action.BOOKMARK) {
                synchronized (ListWatch.this) {
                    if (watchGeneration == generation && resource.getMetadata() != null) {
                        lastResourceVersion = resource.getMetadata().getResourceVersion();
                    }
                }
                return;
            }
            if (action == Action.ERROR) {
                return;
            }
            observer.event(connection.name(), kindLabel);
            R row = action == Action.DELETED ? null : project(serialization, resource);
            String uid = resource.getMetadata() == null ? null : resource.getMetadata().getUid();
            synchronized (ListWatch.this) {
                if (watchGeneration != generation || uid == null) {
                    return;
                }
                connection.markSynced();
                if (resource.getMetadata().getResourceVersion() != null) {
                    lastResourceVersion = resource.getMetadata().getResourceVersion();
                }
                if (action == Action.DELETED) {
                    if (rows.remove(uid) != null) {
                        emit(new RowBatch<>(List.of(), List.of(uid), false));
                    }
                } else if (row != null) {
                    rows.put(uid, row);
                    emit(new RowBatch<>(List.of(row), List.of(), false));
                }
            }
        }

        @Override
        public void onClose(WatcherException cause) {
            failed(watchGeneration, cause.isHttpGone() ? cause.asClientException() : cause);
        }

        private void submit(Runnable task) {
            synchronized (ListWatch.this) {
                if (stopped || scheduler.isShutdown()) {
                    return;
                }
                scheduler.execute(task);
            }
        }

        @Override
        public void onClose() {
            // The server ended the watch normally (its timeout): resume from where we were, off this thread.
            submit(() -> resumeWatch(watchGeneration, serialization));
        }
    }
}
