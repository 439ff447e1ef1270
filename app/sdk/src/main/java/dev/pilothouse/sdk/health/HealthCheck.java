package dev.pilothouse.sdk.health;

import dev.pilothouse.sdk.PluginContext;

/**
 * A check shown on the diagnostics page, such as "Prometheus reachable for prod". Runs on a background thread and
 * must finish within the host's timeout.
 */
public interface HealthCheck {

    /** Stable id, unique among checks. */
    String id();

    /** What is checked, in words. */
    String title();

    /** Runs the check. Throwing counts as {@link HealthState#FAILED} with the exception's message. */
    Health run(PluginContext context) throws Exception;
}
