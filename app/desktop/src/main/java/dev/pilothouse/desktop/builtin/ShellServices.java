package dev.pilothouse.desktop.builtin;

import dev.pilothouse.core.plugin.PluginHost;
import dev.pilothouse.core.settings.SettingsStore;
import dev.pilothouse.desktop.theme.ThemeManager;

/**
 * What the shell's built-in views need. Filled in after the plugin host is built (the host loads the shell plugin
 * itself, so the references are set before any view is created).
 */
public final class ShellServices {

    private PluginHost plugins;
    private ThemeManager themes;
    private SettingsStore settings;

    public void bind(PluginHost plugins, ThemeManager themes, SettingsStore settings) {
        this.plugins = plugins;
        this.themes = themes;
        this.settings = settings;
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
