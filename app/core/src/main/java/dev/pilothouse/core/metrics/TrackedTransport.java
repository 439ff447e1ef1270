package dev.pilothouse.core.metrics;

import dev.pilothouse.core.metrics.endpoint.Body;
import dev.pilothouse.core.metrics.endpoint.EndpointException;
import dev.pilothouse.core.metrics.endpoint.HttpResult;
import dev.pilothouse.core.metrics.endpoint.Transport;
import org.jspecify.annotations.Nullable;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A transport that reports every exchange's outcome to the status board, so that the status follows whatever uses
 * the endpoint (views, alerts, the action engine) without each caller reporting. An answer counts as a failure of the
 * endpoint when it cannot have come from a working one: an authentication or not-found status, a 5xx (a proxy's 502,
 * a server starting), or an HTML page (a login page) where JSON was asked for.
 */
final class TrackedTransport implements Transport {

    private final Transport delegate;
    private final Runnable onSuccess;
    private final Consumer<EndpointException> onFailure;
    private final Timing timing;

    /** Hears how long each exchange took and whether the endpoint worked (the console's own metrics). */
    @FunctionalInterface
    interface Timing {
        void took(long nanos, boolean succeeded);
    }

    TrackedTransport(Transport delegate, Runnable onSuccess, Consumer<EndpointException> onFailure, Timing timing) {
        this.delegate = delegate;
        this.onSuccess = onSuccess;
        this.onFailure = onFailure;
        this.timing = timing;
    }

    Transport delegate() {
        return delegate;
    }

    @Override
    public CompletableFuture<HttpResult> send(String method, String pathAndQuery, @Nullable Body body) {
        long start = System.nanoTime();
        return delegate.send(method, pathAndQuery, body).whenComplete((result, error) -> {
            long took = System.nanoTime() - start;
            if (error != null) {
                EndpointException failure = EndpointException.unwrap(error);
                if (failure == null) {
                    failure = EndpointException.of(EndpointException.Kind.UNREACHABLE, endpoint(),
                            String.valueOf(error.getMessage()), error);
                }
                if (failure.kind().endpointFailing()) {
                    timing.took(took, false);
                    onFailure.accept(failure);
                } else {
                    timing.took(took, true);
                    onSuccess.run(); // e.g. an answer over the size limit: the endpoint itself works
                }
            } else if (endpointBroken(result)) {
                timing.took(took, false);
                onFailure.accept(result.contentType().startsWith("text/html") && result.ok()
                        ? EndpointException.notJson(endpoint(), result.status(), result.text())
                        : EndpointException.httpStatus(endpoint(), result.status(), result.text()));
            } else {
                timing.took(took, true);
                onSuccess.run();
            }
        });
    }

    private static boolean endpointBroken(HttpResult result) {
        int status = result.status();
        if (status == 401 || status == 403 || status == 407 || (status >= 300 && status < 400)) {
            return true; // credentials refused, or a redirect to a login page
        }
        if (result.ok()) {
            return result.contentType().startsWith("text/html");
        }
        if (status == 404 || status >= 500) {
            // The APIs' own errors are JSON (Prometheus' envelope for a query timeout, Alertmanager's for an unknown
            // silence): the endpoint works. A plain "404 page not found", a proxy's HTML page, or the API server's
            // Status ("no endpoints available for service") mean it does not.
            String text = result.text();
            return !looksLikeJson(text) || text.contains("\"kind\":\"Status\"");
        }
        return false;
    }

    private static boolean looksLikeJson(String text) {
        String t = text.stripLeading();
        return t.startsWith("{") || t.startsWith("[") || t.startsWith("\"");
    }

    @Override
    public String endpoint() {
        return delegate.endpoint();
    }
}
