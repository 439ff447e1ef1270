package dev.pilothouse.core.action;

import java.util.concurrent.CompletableFuture;

/**
 * HTTP calls to the services the host knows by name for each cluster (such as {@code alertmanager}), the way
 * {@link dev.pilothouse.sdk.action.Mutation.HttpCall} mutations name them.
 */
public interface ServiceCalls {

    /**
     * Sends one request.
     *
     * @return the answer; a non-2xx status completes exceptionally with a message naming the endpoint and status
     */
    CompletableFuture<Answer> call(String cluster, String service, String method, String path, String body);

    /**
     * An answer.
     *
     * @param status HTTP status
     * @param body   the body as text
     */
    record Answer(int status, String body) {
    }

    /** No services at all: every call fails saying so. */
    static ServiceCalls none() {
        return (cluster, service, method, path, body) -> CompletableFuture.failedFuture(
                new IllegalStateException("no " + service + " is configured for " + cluster));
    }
}
