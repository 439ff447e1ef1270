package dev.pilothouse.sdk.kube;

/** The semantic tone of a table cell; themes map tones to colours, so plugins never choose colours. */
public enum CellTone {
    /** Ordinary text. */
    DEFAULT,
    /** Secondary information. */
    MUTED,
    /** Healthy, done. */
    SUCCESS,
    /** In progress, informational. */
    ACCENT,
    /** Needs attention soon. */
    WARNING,
    /** Broken now. */
    DANGER
}
