package dev.pilothouse.core.kube;

import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.cluster.ConnectionState;
import dev.pilothouse.sdk.cluster.ConnectionStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One context's connection: a lazily created client and an explicit state. Watches report successes and failures
 * here; the state follows them (live, stale since the last sync, auth failed, unreachable).
 */
public final class ClusterConnection implements AutoCloseable {

    private final ClusterContext context;
    private final Clock clock;
    private final List<Consumer<ClusterInfo>> listeners = new CopyOnWriteArrayList<>();
    private volatile KubernetesClient client;
    private volatile ConnectionStatus status;
    /**
     * Orders status changes and their notifications: two threads changing the status at once (a watch that synced,
     * the first client being built) must reach listeners in the order they happened, or a card can keep saying
     * "Connecting…" under a live connection. Not the client's lock, which a credential plugin may hold for long.
     */
    private final Object statusLock = new Object();

    ClusterConnection(ClusterContext context, Clock clock) {
        this.context = context;
        this.clock = clock;
        this.status = ConnectionStatus.idle(clock.instant());
    }

    public ClusterContext context() {
        return context;
    }

    public String name() {
        return context.name();
    }

    /**
     * The client, created on first use. Creating it runs the context's credential plugin, so it is only ever called
     * from background threads; a plugin that fails marks the connection AUTH_FAILED with the plugin's message.
     *
     * @throws CredentialException when the credentials cannot be obtained
     */
    public KubernetesClient client() {
        KubernetesClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    synchronized (statusLock) {
                        if (status.state() == ConnectionState.IDLE) {
                            setStatus(new ConnectionStatus(ConnectionState.CONNECTING, clock.instant(), null, ""));
                        }
                    }
                    io.fabric8.kubernetes.client.Config config;
                    try {
                        config = context.config().get();
                    } catch (RuntimeException e) {
                        String message = "credentials for context '" + context.name() + "' could not be obtained: "
                                + KubeconfigLoader.rootMessage(e);
                        markFailed(FailureKind.AUTH, message);
                        throw new CredentialException(message, e);
                    }
                    client = new KubernetesClientBuilder().withConfig(config).build();
                }
                c = client;
            }
        }
        return c;
    }

    /** Forgets the client so the next use obtains credentials again (after the user logged in anew). */
    public synchronized void resetCredentials() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    public ConnectionStatus status() {
        return status;
    }

    public ClusterInfo info() {
        return new ClusterInfo(context.name(), context.server(), context.namespace(), status);
    }

    /** A request succeeded: the connection is live and data current as of now. */
    void markSynced() {
        synchronized (statusLock) {
            markSyncedLocked();
        }
    }

    private void markSyncedLocked() {
        Instant now = clock.instant();
        ConnectionStatus s = status;
        if (s.state() == ConnectionState.LIVE) {
            status = new ConnectionStatus(ConnectionState.LIVE, s.since(), now, "");
            return; // lastSync moves constantly; listeners hear of state changes only
        }
        setStatus(new ConnectionStatus(ConnectionState.LIVE, now, now, ""));
    }

    /** A request failed; the kind of failure decides the new state. */
    void markFailed(FailureKind kind, String message) {
        if (kind == FailureKind.AUTH) {
            // Lets an OIDC id-token that only looked valid be renewed before the next attempt.
            context.credentialsFailed().run();
        }
        synchronized (statusLock) {
            markFailedLocked(kind, message);
        }
    }

    private void markFailedLocked(FailureKind kind, String message) {
        ConnectionStatus s = status;
        Instant now = clock.instant();
        ConnectionState next = switch (kind) {
            case AUTH -> ConnectionState.AUTH_FAILED;
            case NETWORK, OTHER -> s.lastSync() != null ? ConnectionState.STALE : ConnectionState.UNREACHABLE;
            case FORBIDDEN, NOT_FOUND, GONE -> null; // about one kind, not the connection
        };
        if (next == null) {
            return;
        }
        if (next == s.state() && message.equals(s.message())) {
            return;
        }
        Instant since = next == s.state() ? s.since() : now;
        setStatus(new ConnectionStatus(next, since, s.lastSync(), message));
    }

    private void setStatus(ConnectionStatus next) {
        status = next;
        ClusterInfo info = info();
        listeners.forEach(l -> l.accept(info));
    }

    void addListener(Consumer<ClusterInfo> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<ClusterInfo> listener) {
        listeners.remove(listener);
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
