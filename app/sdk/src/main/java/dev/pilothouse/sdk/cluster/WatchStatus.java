package dev.pilothouse.sdk.cluster;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;

/**
 * The status of one watch, delivered with or between row batches.
 *
 * @param state    where the watch stands
 * @param lastSync when rows were last known to be current, or null before the first sync
 * @param message  detail for people, empty when none
 */
public record WatchStatus(WatchState state, @Nullable Instant lastSync, String message) {

    public WatchStatus {
        Objects.requireNonNull(state, "state");
        message = message == null ? "" : message;
    }

    public static WatchStatus loading() {
        return new WatchStatus(WatchState.LOADING, null, "");
    }
}
