package dev.pilothouse.core.metrics.endpoint;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A request to a Prometheus-compatible server or an Alertmanager failed. The {@link #kind()} says what went wrong in
 * terms a view can act on; the message is for people and always names the endpoint's URL (never its credentials).
 */
public final class EndpointException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** Nothing listens, the host is unknown, or the connection broke. */
        UNREACHABLE,
        /** No connection or no complete answer within the configured timeout. */
        TIMEOUT,
        /** The TLS handshake failed: an untrusted server certificate, or a client certificate missing or refused. */
        TLS,
        /** An HTTP error status without a Prometheus error envelope (401, 404, 502 from a proxy...). */
        HTTP_STATUS,
        /** Prometheus answered with its error envelope ({@code status: error}, an {@code errorType}, an {@code error}). */
        API_ERROR,
        /** The answer is not JSON (a login page, a proxy's HTML error). */
        NOT_JSON,
        /** The answer exceeded the configured maximum size. */
        TOO_LARGE,
        /** JSON of the wrong shape. */
        MALFORMED,
        /** The endpoint's configuration cannot be used right now (a credential file vanished, a key is unreadable). */
        CONFIG,
        /** No endpoint is configured or detected. */
        NOT_CONFIGURED;

        /**
         * Whether this failure means the endpoint is down or unusable, as opposed to one request being refused (a bad
         * query, an answer too large) by an endpoint that works.
         */
        public boolean endpointFailing() {
            return this != API_ERROR && this != TOO_LARGE;
        }
    }

    private final Kind kind;
    private final String endpoint;
    private final int status;
    private final String errorType;

    private EndpointException(Kind kind, String endpoint, String message, int status, String errorType,
                              @Nullable Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.endpoint = endpoint;
        this.status = status;
        this.errorType = errorType;
    }

    /** A failure of {@code kind} at {@code endpoint}; the message is "endpoint: detail". */
    public static EndpointException of(Kind kind, String endpoint, String detail, @Nullable Throwable cause) {
        return new EndpointException(kind, endpoint, endpoint + ": " + detail, 0, "", cause);
    }

    /** No endpoint is configured or detected; the message says for what and why. */
    public static EndpointException notConfigured(String message) {
        return new EndpointException(Kind.NOT_CONFIGURED, "", message, 0, "", null);
    }

    /** An HTTP error status; the message quotes the start of the body, which usually says why. */
    public static EndpointException httpStatus(String endpoint, int status, String body) {
        String excerpt = excerpt(body, 200);
        return new EndpointException(Kind.HTTP_STATUS, endpoint, endpoint + ": HTTP " + status
                + (excerpt.isEmpty() ? "" : ": " + excerpt), status, "", null);
    }

    /** Prometheus' error envelope. */
    public static EndpointException apiError(String endpoint, int status, String errorType, String error) {
        return new EndpointException(Kind.API_ERROR, endpoint, endpoint + ": " + errorType + ": " + error, status,
                errorType, null);
    }

    /** An answer that is not JSON. */
    public static EndpointException notJson(String endpoint, int status, String body) {
        String excerpt = excerpt(body, 120);
        return new EndpointException(Kind.NOT_JSON, endpoint, "the answer from " + endpoint + " is not JSON"
                + (status >= 400 ? " (HTTP " + status + ")" : "") + ": " + (excerpt.isEmpty() ? "(empty)" : excerpt),
                status, "", null);
    }

    /** An answer over the size limit. */
    public static EndpointException tooLarge(String endpoint, long maxBytes) {
        return of(Kind.TOO_LARGE, endpoint, "the answer exceeded " + mebibytes(maxBytes)
                + " (maxResponseBytes); narrow the query or raise the limit", null);
    }

    /** JSON of the wrong shape at {@code field}. */
    public static EndpointException malformed(String endpoint, String field, String problem) {
        return of(Kind.MALFORMED, endpoint, "unexpected answer: " + field + " " + problem, null);
    }

    /** The endpoint failure behind a future's or executor's wrapping, or null if there is none. */
    public static @Nullable EndpointException unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c instanceof EndpointException e ? e : null;
    }

    public Kind kind() {
        return kind;
    }

    /** The endpoint's URL as configured (or the service proxy path), without credentials. */
    public String endpoint() {
        return endpoint;
    }

    /** The HTTP status for {@link Kind#HTTP_STATUS}, {@link Kind#API_ERROR} and {@link Kind#NOT_JSON}; else 0. */
    public int status() {
        return status;
    }

    /** Prometheus' {@code errorType} ({@code bad_data}, {@code execution}, {@code timeout}...) for API errors. */
    public String errorType() {
        return errorType;
    }

    static String mebibytes(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }

    /** The start of a text, on one line, for messages. */
    public static String excerpt(String text, int max) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "...";
    }
}
