package dev.pilothouse.core.plugin;

/**
 * A contribution and the plugin that made it, so failures are charged to the right plugin.
 *
 * @param pluginId     contributing plugin
 * @param contribution the contribution
 * @param <T>          contribution type
 */
public record Registered<T>(String pluginId, T contribution) {
}
