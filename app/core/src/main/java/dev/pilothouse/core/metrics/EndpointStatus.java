package dev.pilothouse.core.metrics;

import dev.pilothouse.core.metrics.endpoint.EndpointException;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;

/**
 * How one cluster's Prometheus or Alertmanager is doing, for the status bar and for views that must say "Prometheus
 * of prod unreachable since 10:42, last data 10:31".
 *
 * @param cluster       the context
 * @param kind          Prometheus or Alertmanager
 * @param state         see {@link State}
 * @param origin        where the endpoint comes from, null while none is known
 * @param url           the endpoint's URL (or service proxy path), "" while none is known
 * @param since         when the state (or the error) began
 * @param lastSuccess   the last time the endpoint answered, kept while it fails; null if it never did
 * @param lastError     the last failure's message (no credentials), or the reason nothing was found; "" if none
 * @param lastErrorKind the last failure's kind, or null
 */
public record EndpointStatus(String cluster, EndpointKind kind, State state, @Nullable EndpointOrigin origin,
                             String url, Instant since, @Nullable Instant lastSuccess, String lastError,
                             EndpointException.@Nullable Kind lastErrorKind) {

    /** Where an endpoint stands. */
    public enum State {
        /** Nothing configured, and detection has not run yet (it runs on first use). */
        UNKNOWN,
        /** Nothing configured; looking for it among the cluster's services. */
        DETECTING,
        /** Nothing configured and nothing found; {@code lastError} says what was looked for or why it failed. */
        NOT_CONFIGURED,
        /** Known but not contacted yet. */
        IDLE,
        /** The last request was answered. */
        LIVE,
        /** The last request failed; {@code since} is when the failures began. */
        FAILING
    }

    public EndpointStatus {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        url = url == null ? "" : url;
        Objects.requireNonNull(since, "since");
        lastError = lastError == null ? "" : lastError;
    }

    /** Whether the endpoint can be used at all (configured or found), whatever its health. */
    public boolean known() {
        return state == State.IDLE || state == State.LIVE || state == State.FAILING;
    }
}
