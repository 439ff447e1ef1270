package dev.pilothouse.core.metrics.endpoint;

import dev.pilothouse.core.metrics.endpoint.EndpointException.Kind;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

/**
 * Talks to an endpoint directly with {@link HttpClient}: TLS verified by default (the system's trust or the
 * configured CA file), an optional client certificate, credentials read from their file or variable at each request,
 * the tenant header, one deadline for the whole exchange, and answers capped at {@code maxResponseBytes} without ever
 * buffering more.
 */
public final class DirectTransport implements Transport, AutoCloseable {

    private static final String USER_AGENT = "Pilothouse";

    private final EndpointConfig config;
    private final UnaryOperator<String> environment;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final @Nullable HttpClient client;
    private final @Nullable EndpointException setupFailure;
    private final Failures.Context failureContext;

    /** A transport reading credentials from the process environment. */
    public DirectTransport(EndpointConfig config) {
        this(config, System::getenv);
    }

    /**
     * A transport with an explicit environment lookup (tests cannot set environment variables).
     *
     * @param environment looks up the variables named by {@link Secret.FromEnv}
     */
    public DirectTransport(EndpointConfig config, UnaryOperator<String> environment) {
        this.config = config;
        this.environment = environment;
        this.failureContext = new Failures.Context(config.url().toString(), config.timeout(),
                config.maxResponseBytes(), config.https(), config.auth() instanceof Auth.ClientCertificate);
        HttpClient built = null;
        EndpointException failure = null;
        try {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(config.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(executor);
            if (config.https()) {
                SSLContext ssl = TlsSetup.sslContext(config);
                builder.sslContext(ssl);
            }
            built = builder.build();
        } catch (RuntimeException e) {
            // Reported on every request rather than thrown here: building endpoints must never fail the app.
            failure = EndpointException.of(Kind.CONFIG, endpoint(), e.getMessage(), e);
        }
        this.client = built;
        this.setupFailure = failure;
    }

    public EndpointConfig config() {
        return config;
    }

    @Override
    public String endpoint() {
        return config.url().toString();
    }

    @Override
    public CompletableFuture<HttpResult> send(String method, String pathAndQuery, @Nullable Body body) {
        if (setupFailure != null || client == null) {
            return CompletableFuture.failedFuture(setupFailure);
        }
        HttpRequest request;
        try {
            request = request(method, pathAndQuery, body);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(EndpointException.of(Kind.CONFIG, endpoint(), e.getMessage(), e));
        }
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request, new BoundedBodyHandler(config.maxResponseBytes()));
        CompletableFuture<HttpResult> result = new CompletableFuture<>();
        exchange.whenComplete((response, error) -> {
            if (error != null) {
                result.completeExceptionally(Failures.classify(error, failureContext));
                return;
            }
            try {
                byte[] decoded = BoundedBody.decode(response.body(),
                        response.headers().firstValue("content-encoding").orElse(""), config.maxResponseBytes());
                result.complete(new HttpResult(response.statusCode(),
                        response.headers().firstValue("content-type").orElse(""), decoded));
            } catch (Exception e) {
                result.completeExceptionally(Failures.classify(e, failureContext));
            }
        });
        // The request timeout of HttpClient ends at the response headers; this deadline covers the body as well, and
        // cancelling the exchange closes its connection so a trickling server cannot hold anything.
        result.orTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> {
            if (e instanceof TimeoutException) {
                exchange.cancel(true);
            }
        });
        return result.handle((r, e) -> {
            if (e == null) {
                return r;
            }
            throw Failures.classify(e, failureContext);
        });
    }

    private HttpRequest request(String method, String pathAndQuery, @Nullable Body body) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + pathAndQuery);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint() + pathAndQuery))
                .timeout(config.timeout())
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", USER_AGENT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.text(), StandardCharsets.UTF_8));
        if (body != null) {
            builder.header("Content-Type", body.contentType());
        }
        if (!config.tenant().isEmpty()) {
            builder.header("X-Scope-OrgID", config.tenant());
        }
        String authorization = authorization();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    /**
     * The Authorization header, read now so that rotated credentials apply at once.
     *
     * @throws IllegalStateException naming the credential's source (never its value) when it cannot be read
     */
    private @Nullable String authorization() {
        try {
            return switch (config.auth()) {
                case Auth.Bearer bearer -> "Bearer " + bearer.token().read(environment);
                case Auth.Basic basic -> "Basic " + Base64.getEncoder().encodeToString(
                        (basic.user() + ":" + basic.password().read(environment)).getBytes(StandardCharsets.UTF_8));
                case Auth.None none -> null;
                case Auth.ClientCertificate cert -> null;
            };
        } catch (IllegalStateException e) {
            throw new IllegalStateException("credential unavailable: " + e.getMessage(), e);
        }
    }

    /** Releases the client's threads and connections; requests in flight fail. Never waits for them. */
    @Override
    public void close() {
        if (client != null) {
            client.shutdownNow();
        }
        executor.shutdownNow();
    }
}
