package dev.pilothouse.sdk.cluster;

/** The explicit state of one cluster connection, shown in the status bar and on every view that uses it. */
public enum ConnectionState {
    /** Not contacted yet: connections are made lazily. */
    IDLE,
    /** Contacting the server for the first time or after a failure. */
    CONNECTING,
    /** Talking to the server; data is current. */
    LIVE,
    /** Was live, lost the server; the last known data is shown as stale. */
    STALE,
    /** The server refused the credentials (expired token, failing credential plugin). */
    AUTH_FAILED,
    /** The server was never reached (DNS, refused, timeout, TLS). */
    UNREACHABLE
}
