package dev.pilothouse.core.plugin;

import dev.pilothouse.sdk.Plugin;
import dev.pilothouse.sdk.PluginContext;
import dev.pilothouse.sdk.PluginDescriptor;
import dev.pilothouse.sdk.Sdk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Discovers plugins, lets each contribute in isolation and keeps their state. Built-in features load exactly like
 * third-party plugins. A plugin that throws while loading, contributing or later in a callback run through
 * {@link #guard} is marked {@link PluginState#FAILED}; nothing it did leaks into the registry and the app goes on.
 */
public final class PluginHost {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final Map<String, PluginRecord> records = new LinkedHashMap<>();
    private final Map<String, Plugin> active = new LinkedHashMap<>();
    private final ContributionRegistry registry = new ContributionRegistry();
    private final List<Consumer<PluginRecord>> listeners = new CopyOnWriteArrayList<>();

    private PluginHost() {
    }

    /** Discovers plugins with {@link ServiceLoader} on the class loader and loads every one not disabled. */
    public static PluginHost discover(ClassLoader loader, Set<String> disabled) {
        return discover(loader, disabled, List.of());
    }

    /**
     * Loads the given built-in plugins first (the shell's own, which need constructor arguments), then every plugin
     * {@link ServiceLoader} finds on the class loader.
     */
    public static PluginHost discover(ClassLoader loader, Set<String> disabled, List<? extends Plugin> builtIns) {
        PluginHost host = new PluginHost();
        for (Plugin plugin : builtIns) {
            host.load(plugin, "built-in", disabled);
        }
        for (ServiceLoader.Provider<Plugin> provider : providers(loader, host)) {
            String origin = originOf(provider.type());
            Plugin plugin;
            try {
                plugin = provider.get();
            } catch (Throwable t) {
                host.recordFailure(provider.type().getName(), null, "could not be created: " + describe(t), origin);
                continue;
            }
            host.load(plugin, origin, disabled);
        }
        return host;
    }

    private static List<ServiceLoader.Provider<Plugin>> providers(ClassLoader loader, PluginHost host) {
        List<ServiceLoader.Provider<Plugin>> result = new ArrayList<>();
        var iterator = ServiceLoader.load(Plugin.class, loader).stream().iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    return result;
                }
                result.add(iterator.next());
            } catch (java.util.ServiceConfigurationError e) {
                // A broken services entry (missing class, not a Plugin) must not hide the other plugins.
                host.recordFailure("unknown", null, "bad plugin registration: " + describe(e), "classpath");
            }
        }
    }

    /** A host over explicit plugin instances (tests, embedders). */
    public static PluginHost of(Collection<? extends Plugin> plugins, Set<String> disabled) {
        PluginHost host = new PluginHost();
        for (Plugin plugin : plugins) {
            host.load(plugin, originOf(plugin.getClass()), disabled);
        }
        return host;
    }

    private static String originOf(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            return source == null ? "built-in" : source.getLocation().getPath();
        } catch (SecurityException e) {
            return "unknown";
        }
    }

    private void load(Plugin plugin, String origin, Set<String> disabled) {
        String fallbackId = plugin.getClass().getName();
        PluginDescriptor descriptor;
        try {
            descriptor = plugin.descriptor();
        } catch (Throwable t) {
            recordFailure(fallbackId, null, "descriptor() threw: " + describe(t), origin);
            return;
        }
        if (descriptor == null) {
            recordFailure(fallbackId, null, "descriptor() returned null", origin);
            return;
        }
        String id = descriptor.id();
        if (records.containsKey(id)) {
            recordFailure(id + " (" + fallbackId + ")", descriptor, "a plugin with id '" + id + "' is already loaded", origin);
            return;
        }
        if (!descriptor.sdkVersions().contains(Sdk.VERSION)) {
            put(new PluginRecord(id, descriptor, PluginState.INCOMPATIBLE,
                    "needs SDK " + descriptor.sdkVersions() + ", this is " + Sdk.VERSION, origin));
            return;
        }
        if (disabled.contains(id)) {
            put(new PluginRecord(id, descriptor, PluginState.DISABLED, "", origin));
            return;
        }
        StagedContributions staged = new StagedContributions(id);
        try {
            plugin.contribute(staged);
        } catch (Throwable t) {
            recordFailure(id, descriptor, "contribute() threw: " + describe(t), origin);
            return;
        }
        String duplicate = registry.firstDuplicate(staged.staged);
        if (duplicate != null) {
            recordFailure(id, descriptor, duplicate, origin);
            return;
        }
        registry.addAll(staged.staged);
        active.put(id, plugin);
        put(new PluginRecord(id, descriptor, PluginState.ACTIVE, "", origin));
    }

    private void recordFailure(String id, PluginDescriptor descriptor, String problem, String origin) {
        LOG.warn("Plugin {} failed: {}", id, problem);
        put(new PluginRecord(id, descriptor, PluginState.FAILED, problem, origin));
    }

    private synchronized void put(PluginRecord record) {
        records.put(record.id(), record);
        listeners.forEach(l -> l.accept(record));
    }

    static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** Calls start() on every active plugin, each isolated. */
    public void start(Function<String, PluginContext> contextFor) {
        for (Map.Entry<String, Plugin> e : List.copyOf(active.entrySet())) {
            run(e.getKey(), "start()", () -> e.getValue().start(contextFor.apply(e.getKey())));
        }
    }

    /** Calls stop() on every active plugin, each isolated. */
    public void stop() {
        for (Map.Entry<String, Plugin> e : List.copyOf(active.entrySet())) {
            run(e.getKey(), "stop()", () -> e.getValue().stop());
        }
    }

    /**
     * Runs a plugin callback; if it throws, the plugin is marked failed and {@code fallback} is returned.
     *
     * @param pluginId the plugin whose code runs
     * @param during   what was being done, for the message ("creating view pods")
     */
    public <T> T guard(String pluginId, String during, Supplier<T> callback, T fallback) {
        try {
            return callback.get();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            markFailed(pluginId, during, t);
            return fallback;
        }
    }

    /** Runs a plugin callback without a result; see {@link #guard}. Returns whether it completed. */
    public boolean run(String pluginId, String during, Runnable callback) {
        return guard(pluginId, during, () -> {
            callback.run();
            return Boolean.TRUE;
        }, Boolean.FALSE);
    }

    /** Marks a plugin failed because of a callback that threw. */
    public synchronized void markFailed(String pluginId, String during, Throwable t) {
        PluginRecord record = records.get(pluginId);
        String problem = during + " threw: " + describe(t);
        LOG.warn("Plugin {} failed while {}", pluginId, during, t);
        if (record != null && record.state() != PluginState.FAILED) {
            put(record.withState(PluginState.FAILED, problem));
        }
    }

    /** Every plugin seen, in load order. */
    public synchronized List<PluginRecord> plugins() {
        return List.copyOf(records.values());
    }

    /** The contributions of the active plugins. */
    public ContributionRegistry registry() {
        return registry;
    }

    /** Calls back when a plugin's record changes (e.g. it failed at run time). */
    public void onChange(Consumer<PluginRecord> listener) {
        listeners.add(listener);
    }
}
