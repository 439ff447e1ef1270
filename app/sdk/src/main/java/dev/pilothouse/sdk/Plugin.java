package dev.pilothouse.sdk;

/**
 * A Pilothouse plugin, discovered with {@link java.util.ServiceLoader} ({@code META-INF/services/dev.pilothouse.sdk.Plugin}).
 *
 * <p>The host calls {@link #contribute(Contributions)} once; the plugin only registers what it offers there (no I/O, no
 * threads). {@link #start(PluginContext)} and {@link #stop()} are optional hooks for plugins that keep state. Every
 * callback is isolated by the host: a plugin that throws is marked failed and the application goes on.
 */
public interface Plugin {

    /** Who this plugin is and which SDK versions it was written for. Must be cheap and must not throw. */
    PluginDescriptor descriptor();

    /** Registers every contribution. Called once, before {@link #start}. */
    void contribute(Contributions contributions);

    /** Called after all plugins contributed; the context offers the host's services. */
    default void start(PluginContext context) {
    }

    /** Called when the application shuts down or the plugin is disabled. */
    default void stop() {
    }
}
