package dev.pilothouse.core.action;

import dev.pilothouse.core.kube.KubeClusterService;
import dev.pilothouse.sdk.cluster.AccessDecision;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.concurrent.CompletableFuture;

/**
 * What the action engine needs to change Kubernetes objects: a precise access review and one request sent exactly
 * as previewed. Kept apart from the read-only {@link dev.pilothouse.sdk.cluster.ClusterService} that plugins see,
 * so nothing but the engine can write.
 */
public interface KubeWrites {

    /**
     * Whether the user may perform {@code verb} on one resource (SelfSubjectAccessReview, cached). Resolves to false
     * with a reason starting "could not check access" when the server cannot be asked.
     *
     * @param name        the object, empty for a collection request such as create
     * @param subresource {@code status}, {@code scale}, or empty
     */
    CompletableFuture<AccessDecision> canI(String cluster, String verb, GroupVersionKind gvk, String namespace,
                                           String name, String subresource);

    /**
     * Sends one request with exactly this body.
     *
     * @param path an API path from {@link ApiPaths}
     * @return the object the server answered with; a refusal fails with a
     *         {@link dev.pilothouse.sdk.cluster.ClusterException} carrying the HTTP status and the server's message
     */
    CompletableFuture<KubeObject> send(String cluster, String method, String path, String contentType, String body);

    /** The writes of the real clusters. */
    static KubeWrites of(KubeClusterService clusters) {
        return new KubeWrites() {
            @Override
            public CompletableFuture<AccessDecision> canI(String cluster, String verb, GroupVersionKind gvk,
                                                          String namespace, String name, String subresource) {
                return clusters.canI(cluster, verb, gvk, namespace, name, subresource);
            }

            @Override
            public CompletableFuture<KubeObject> send(String cluster, String method, String path, String contentType,
                                                      String body) {
                return clusters.write(cluster, method, path, contentType, body);
            }
        };
    }
}
