package dev.pilothouse.sdk.action;

/** How careful the confirmation of an action must be. */
public enum DangerLevel {
    /** Reversible and local: a plain confirmation (e.g. pause a rollout). */
    LOW,
    /** Disrupts running work but is recoverable (e.g. restart, scale). */
    MEDIUM,
    /** Destructive or hard to undo (e.g. abort, terminate, delete): the user types the object's name. */
    HIGH
}
