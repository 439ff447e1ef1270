package dev.pilothouse.desktop.builtin;

import dev.pilothouse.core.diagnostics.SelfMetrics;
import dev.pilothouse.core.metrics.MetricsEndpoints;
import dev.pilothouse.core.plugin.PluginHost;
import dev.pilothouse.core.settings.SettingsStore;
import dev.pilothouse.desktop.theme.ThemeManager;
import org.jspecify.annotations.Nullable;

import java.net.URI;

/**
 * What the shell's built-in views need. Filled in after the plugin host is built (the host loads the shell plugin
 * itself, so the references are set before any view is created).
 */
public final class ShellServices {

    private PluginHost plugins;
    private ThemeManager themes;
    private SettingsStore settings;
    private SelfMetrics selfMetrics = new SelfMetrics();
    private @Nullable URI metricsUrl;
    private @Nullable MetricsEndpoints metricsEndpoints;

    public void bind(PluginHost plugins, ThemeManager themes, SettingsStore settings) {
        this.plugins = plugins;
        this.themes = themes;
        this.settings = settings;
    }

    /**
     * The console's own metrics for the diagnostics view; until bound, an empty registry (the view says nothing was
     * measured).
     *
     * @param metricsUrl where they are served ({@code --metrics-port}), or null
     */
    public void bindDiagnostics(SelfMetrics selfMetrics, @Nullable URI metricsUrl) {
        this.selfMetrics = selfMetrics;
        this.metricsUrl = metricsUrl;
    }

    /** The contexts' Prometheus and Alertmanager endpoints, for Settings > Metrics. */
    public void bindMetrics(MetricsEndpoints endpoints) {
        this.metricsEndpoints = endpoints;
    }

    public @Nullable MetricsEndpoints metricsEndpoints() {
        return metricsEndpoints;
    }

    public SelfMetrics selfMetrics() {
        return selfMetrics;
    }

    /** Where the metrics are served, or null. */
    public @Nullable URI metricsUrl() {
        return metricsUrl;
    }

    public PluginHost plugins() {
        return plugins;
    }

    public ThemeManager themes() {
        return themes;
    }

    public SettingsStore settings() {
        return settings;
    }
}
