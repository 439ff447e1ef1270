package dev.pilothouse.sdk.cluster;

import java.util.List;

/** Receives a log stream in batches of lines, on a background thread, in order. */
public interface LogListener {

    /** New lines, oldest first, without line terminators. */
    void onLines(List<String> lines);

    /** The stream ended: the container stopped, the server closed it, or it was not followed. */
    default void onEnd() {
    }

    /** The stream failed; the message names the pod and says why (e.g. "previous terminated container not found"). */
    default void onError(String message) {
    }
}
