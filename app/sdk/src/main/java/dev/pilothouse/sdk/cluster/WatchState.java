package dev.pilothouse.sdk.cluster;

/** Where a watch of one kind stands. */
public enum WatchState {
    /** Listing for the first time: no rows yet. */
    LOADING,
    /** All rows delivered; changes arrive as they happen. */
    SYNCED,
    /** The connection was lost; rows are the last known state. */
    STALE,
    /** The user may not list this kind here (access review said no, or 403). */
    FORBIDDEN,
    /** The kind does not exist in this cluster (CRD not installed): a normal state, not an error. */
    NOT_INSTALLED,
    /** Listing failed for another reason; see the message. */
    FAILED
}
