package dev.pilothouse.sdk.cluster;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of a connection's state.
 *
 * @param state    the state
 * @param since    when the connection entered this state
 * @param lastSync time of the last successful list or watch event, or null if never synced
 * @param message  detail for people: the error, the credential plugin's message; empty when none
 */
public record ConnectionStatus(ConnectionState state, Instant since, @Nullable Instant lastSync, String message) {

    public ConnectionStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        message = message == null ? "" : message;
    }

    /** A connection not contacted yet. */
    public static ConnectionStatus idle(Instant now) {
        return new ConnectionStatus(ConnectionState.IDLE, now, null, "");
    }

    /** Whether the data of this connection can be trusted as current. */
    public boolean isLive() {
        return state == ConnectionState.LIVE;
    }
}
