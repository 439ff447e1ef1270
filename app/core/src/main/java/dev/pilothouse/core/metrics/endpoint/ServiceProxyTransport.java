package dev.pilothouse.core.metrics.endpoint;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Reaches an in-cluster service through the Kubernetes API server's service proxy
 * ({@code /api/v1/namespaces/NS/services/SCHEME:NAME:PORT/proxy/...}) with the cluster's own client, so the
 * cluster's authentication and TLS apply and nothing needs a port-forward or an ingress. The client is obtained
 * lazily on a background thread: building endpoints never connects, nor runs a credential plugin.
 */
public final class ServiceProxyTransport implements Transport {

    private final Supplier<KubernetesClient> clients;
    private final String endpoint;
    private final ServiceRef service;
    private final String tenant;
    private final Duration timeout;
    private final long maxBytes;
    private final Executor executor;
    private final Failures.Context failureContext;

    /**
     * @param clients   the cluster's client, called on a background thread at the first request
     * @param apiServer the API server's URL as the kubeconfig names it, for messages
     * @param service   the service port to reach
     * @param tenant    an {@code X-Scope-OrgID} to send, or ""
     * @param timeout   the deadline of each exchange
     * @param maxBytes  the answer size limit
     * @param executor  where answers are completed (never the HTTP client's event loop)
     */
    public ServiceProxyTransport(Supplier<KubernetesClient> clients, String apiServer, ServiceRef service, String tenant,
                                 Duration timeout, long maxBytes, Executor executor) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.service = Objects.requireNonNull(service, "service");
        this.endpoint = stripSlash(apiServer) + service.proxyPath();
        this.tenant = tenant == null ? "" : tenant;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.executor = executor;
        this.failureContext = new Failures.Context(endpoint, timeout, maxBytes, false, false);
    }

    public ServiceRef service() {
        return service;
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public CompletableFuture<HttpResult> send(String method, String pathAndQuery, @Nullable Body body) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + pathAndQuery);
        }
        CompletableFuture<HttpResult> result = new CompletableFuture<>();
        CompletableFuture<HttpResponse<AsyncBody>> exchange = CompletableFuture.supplyAsync(clients, executor)
                .thenCompose(client -> start(client, method, pathAndQuery, body, result));
        exchange.whenComplete((response, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            }
        });
        result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> {
            if (e instanceof TimeoutException) {
                exchange.thenAccept(response -> response.body().cancel());
                exchange.cancel(true);
            }
        });
        // Hop off the client's event loop: callers parse large answers in their continuations.
        return result.handleAsync((r, e) -> {
            if (e == null) {
                return r;
            }
            throw Failures.classify(e, failureContext);
        }, executor);
    }

    private CompletableFuture<HttpResponse<AsyncBody>> start(KubernetesClient client, String method,
                                                             String pathAndQuery, @Nullable Body body,
                                                             CompletableFuture<HttpResult> result) {
        HttpClient http = client.getHttpClient();
        HttpRequest.Builder request = http.newHttpRequestBuilder()
                .uri(stripSlash(client.getMasterUrl().toString()) + service.proxyPath() + pathAndQuery)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .header("Accept", "application/json");
        if (body != null) {
            request.method(method, body.contentType(), body.text());
        } else if (!method.equals("GET")) {
            request.method(method, "application/json", "");
        }
        if (!tenant.isEmpty()) {
            request.header("X-Scope-OrgID", tenant);
        }
        BoundedBody collected = new BoundedBody(maxBytes, -1);
        CompletableFuture<HttpResponse<AsyncBody>> response = http.consumeBytes(request.build(),
                (List<ByteBuffer> buffers, AsyncBody async) -> {
                    for (ByteBuffer buffer : buffers) {
                        if (!collected.add(buffer)) {
                            // The reason first: cancelling completes the body's future, which must not win.
                            result.completeExceptionally(new BoundedBody.TooLarge());
                            async.cancel();
                            return;
                        }
                    }
                    async.consume();
                });
        return response.thenApply(r -> {
            long declared = parseLong(r.header("Content-Length"));
            if (declared > maxBytes) {
                result.completeExceptionally(new BoundedBody.TooLarge());
                r.body().cancel();
                return r;
            }
            r.body().done().whenComplete((done, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                    return;
                }
                try {
                    byte[] bytes = BoundedBody.decode(collected.toBytes(), orEmpty(r.header("Content-Encoding")),
                            maxBytes);
                    result.complete(new HttpResult(r.code(), orEmpty(r.header("Content-Type")), bytes));
                } catch (Exception e) {
                    result.completeExceptionally(e);
                }
            });
            r.body().consume();
            return r;
        });
    }

    private static long parseLong(@Nullable String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
