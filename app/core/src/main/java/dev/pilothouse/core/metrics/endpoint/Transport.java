package dev.pilothouse.core.metrics.endpoint;

import org.jspecify.annotations.Nullable;

import java.util.concurrent.CompletableFuture;

/**
 * Sends HTTP requests to one endpoint, directly or through the Kubernetes API server's service proxy. Implementations
 * never block the caller: the future completes on a background thread, and fails with an {@link EndpointException}
 * (unreachable, timeout, TLS, too large, config). HTTP error statuses are results, not failures: what a 4xx means
 * depends on the API (Prometheus sends its error envelope with them).
 */
public interface Transport {

    /**
     * Sends one request.
     *
     * @param method       GET, POST, DELETE...
     * @param pathAndQuery the path below the endpoint's base URL, starting with {@code /}, query included
     * @param body         the request body, or null for none
     */
    CompletableFuture<HttpResult> send(String method, String pathAndQuery, @Nullable Body body);

    /** A GET. */
    default CompletableFuture<HttpResult> get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    /** The endpoint as people should see it in messages: its URL, never its credentials. */
    String endpoint();
}
