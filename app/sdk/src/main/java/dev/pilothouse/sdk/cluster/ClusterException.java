package dev.pilothouse.sdk.cluster;

/** A failure talking to a cluster, with a message that names the cluster and what was asked. */
public class ClusterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status of the failed request, or 0 when there was no response. */
    private final int httpStatus;

    public ClusterException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
