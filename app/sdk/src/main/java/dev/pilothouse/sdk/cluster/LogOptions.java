package dev.pilothouse.sdk.cluster;

/**
 * What part of a container's log to read.
 *
 * @param container  the container, or empty for the pod's only container
 * @param follow     keep streaming new lines
 * @param previous   the previous (crashed) instance of the container
 * @param timestamps prefix each line with the server's RFC 3339 timestamp
 * @param tailLines  only the last N lines; 0 or less for all
 */
public record LogOptions(String container, boolean follow, boolean previous, boolean timestamps, int tailLines) {

    public LogOptions {
        container = container == null ? "" : container;
    }

    /** Follow the last 1,000 lines of the pod's only or first container. */
    public static LogOptions followTail() {
        return new LogOptions("", true, false, false, 1_000);
    }
}
