package dev.pilothouse.sdk.cluster;

import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Read access to every configured cluster. Nothing here blocks: watches call back, fetches return futures.
 * Watches are shared and lazy: the host starts one list-and-watch per cluster, kind and scope when the first
 * subscriber arrives and stops it when the last one leaves.
 */
public interface ClusterService {

    /** The configured clusters, in kubeconfig order. */
    List<ClusterInfo> clusters();

    /** Calls back (on a background thread) whenever a cluster's connection status changes. */
    Subscription onStatusChange(Consumer<ClusterInfo> listener);

    /**
     * Keeps the listener up to date with the rows of a kind. The listener first gets the current rows (a
     * {@code replace} batch once the first list completes), then changes.
     */
    <R extends Row> Subscription watch(String cluster, ResourceKind<R> kind, WatchScope scope, RowListener<R> listener);

    /** Fetches one full object. Fails with {@link ClusterException} naming the cluster and object. */
    CompletableFuture<KubeObject> get(String cluster, GroupVersionKind gvk, String namespace, String name);

    /** Lists full objects once (not watched). */
    CompletableFuture<List<KubeObject>> list(String cluster, GroupVersionKind gvk, WatchScope scope);

    /**
     * Streams a container's log. Lines arrive in batches; very long lines are cut. Closing the subscription ends the
     * stream.
     */
    Subscription streamLog(String cluster, String namespace, String pod, LogOptions options, LogListener listener);

    /**
     * Obtains the cluster's credentials again and restarts its failed watches at once: what Retry does after the
     * user logged in again. Watches stop retrying by themselves after repeated authentication failures, so a
     * credential plugin that opens a browser is never run in a loop.
     */
    void reconnect(String cluster);

    /** The server's version as {@code /version} reports it (e.g. {@code v1.32.0}). */
    CompletableFuture<String> serverVersion(String cluster);

    /**
     * Whether the user may perform {@code verb} on the resource (SelfSubjectAccessReview, cached with a TTL).
     * Resolves to false with a reason rather than failing when the server cannot be asked.
     */
    CompletableFuture<AccessDecision> canI(String cluster, String verb, GroupVersionKind gvk, String namespace);
}
