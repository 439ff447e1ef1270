package dev.pilothouse.desktop.builtin;

import dev.pilothouse.core.metrics.MetricsEndpoints;
import dev.pilothouse.desktop.diagnostics.DiagnosticsView;
import dev.pilothouse.desktop.metrics.EndpointSettings;
import dev.pilothouse.desktop.metrics.MetricsPage;
import dev.pilothouse.sdk.Contributions;
import dev.pilothouse.sdk.Plugin;
import dev.pilothouse.sdk.PluginDescriptor;
import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.command.Command;
import dev.pilothouse.sdk.ui.NavSection;
import dev.pilothouse.sdk.ui.SettingsPage;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.ViewContribution;
import javafx.scene.Node;
import javafx.scene.control.Label;

import java.util.List;

/**
 * The shell's own features, contributed through the same SDK as every plugin: the Plugins, Diagnostics and Settings
 * views, the Appearance settings page and a few palette commands. It needs the shell's services, so the composition
 * root constructs it instead of ServiceLoader.
 */
public final class ShellPlugin implements Plugin {

    private final ShellServices services;

    public ShellPlugin(ShellServices services) {
        this.services = services;
    }

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("shell", "Pilothouse shell", dev.pilothouse.desktop.Versions.pilothouse(),
                "Plugins, diagnostics and settings views, appearance, and shell commands.");
    }

    private Node metricsPage(ViewContext ctx) {
        MetricsEndpoints endpoints = services.metricsEndpoints();
        if (endpoints == null) {
            return new Label("Metrics endpoints are not available in this window.");
        }
        List<String> contexts = ctx.clusters().clusters().stream().map(ClusterInfo::name).toList();
        return MetricsPage.create(contexts, ctx.activeCluster().get(),
                new EndpointSettings(services.settings().app(), System::getenv), endpoints);
    }

    @Override
    public void contribute(Contributions c) {
        c.view(new ViewContribution("plugins", "Plugins", NavSection.APP, "▣", 90, List.of("extensions", "failed"),
                        ctx -> new PluginsView(services.plugins())))
                .view(new ViewContribution("diagnostics", "Diagnostics", NavSection.APP, "◔", 95,
                        List.of("metrics", "performance", "self", "pulse", "reconnects"),
                        ctx -> new DiagnosticsView(services.selfMetrics(), services.metricsUrl())))
                .view(new ViewContribution("settings", "Settings", NavSection.APP, "⚙", 100,
                        List.of("preferences", "options", "theme"), ctx -> new SettingsView(services, ctx)))
                .settingsPage(new SettingsPage("appearance", "Appearance", 10,
                        ctx -> AppearancePage.create(services.themes())))
                .settingsPage(new SettingsPage("metrics", "Metrics", 20, this::metricsPage))
                .command(new Command("shell.toggle-theme", "Toggle light/dark theme", "Theme", List.of("dark", "light"),
                        "", ctx -> services.themes().toggleDark()))
                .command(Command.of("shell.open-settings", "Open settings", "View", ctx -> ctx.navigate("settings")))
                .command(Command.of("shell.open-plugins", "Open plugins", "View", ctx -> ctx.navigate("plugins")));
    }
}
