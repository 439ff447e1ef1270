package dev.pilothouse.core.plugin;

import dev.pilothouse.sdk.PluginDescriptor;

/**
 * What the host knows about one plugin.
 *
 * @param id          the plugin id, or the provider class name when the plugin could not even describe itself
 * @param descriptor  the descriptor, or null when it could not be obtained
 * @param state       current state
 * @param problem     why it failed or is incompatible; empty otherwise
 * @param origin      where it was loaded from (a jar path or "built-in")
 */
public record PluginRecord(String id, PluginDescriptor descriptor, PluginState state, String problem, String origin) {

    public PluginRecord {
        problem = problem == null ? "" : problem;
    }

    /** The name to show: the descriptor's, else the id. */
    public String displayName() {
        return descriptor != null ? descriptor.name() : id;
    }

    PluginRecord withState(PluginState newState, String newProblem) {
        return new PluginRecord(id, descriptor, newState, newProblem, origin);
    }
}
