package dev.pilothouse.core.plugin;

/** Where a plugin stands, as the Plugins page shows it. */
public enum PluginState {
    /** Contributed and running. */
    ACTIVE,
    /** Threw while loading, contributing or in a callback; isolated, the app goes on. */
    FAILED,
    /** Built for an SDK version range that excludes this SDK. */
    INCOMPATIBLE,
    /** Turned off by the user. */
    DISABLED
}
