package dev.pilothouse.desktop.shell;

import dev.pilothouse.core.plugin.ContributionRegistry;
import dev.pilothouse.core.plugin.Registered;
import dev.pilothouse.desktop.fx.FxBatcher;
import dev.pilothouse.desktop.fx.FxLiveRows;
import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.alerts.AlertService;
import dev.pilothouse.sdk.metrics.MetricsService;
import dev.pilothouse.sdk.settings.Settings;
import dev.pilothouse.sdk.ui.LiveRows;
import dev.pilothouse.sdk.ui.UiServices;
import dev.pilothouse.sdk.ui.ViewContext;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link ViewContext} the shell gives each plugin's views; settings are the plugin's own. */
public final class ShellViewContext implements ViewContext {

    private final ClusterService clusters;
    private final MetricsService metrics;
    private final AlertService alerts;
    private final ShellState state;
    private final ContributionRegistry registry;
    private final Settings settings;
    private final UiServices ui;
    private final FxBatcher batcher;
    private final Set<FxLiveRows<?>> openRows;

    public ShellViewContext(ClusterService clusters, MetricsService metrics, AlertService alerts, ShellState state,
                            ContributionRegistry registry, Settings settings, UiServices ui, FxBatcher batcher,
                            Set<FxLiveRows<?>> openRows) {
        this.clusters = clusters;
        this.metrics = metrics;
        this.alerts = alerts;
        this.state = state;
        this.registry = registry;
        this.settings = settings;
        this.ui = ui;
        this.batcher = batcher;
        this.openRows = openRows;
    }

    /** A registry of every open live-rows handle, shared by all contexts (the palette searches them). */
    public static Set<FxLiveRows<?>> newOpenRowsRegistry() {
        return ConcurrentHashMap.newKeySet();
    }

    @Override
    public ClusterService clusters() {
        return clusters;
    }

    @Override
    public MetricsService metrics() {
        return metrics;
    }

    @Override
    public AlertService alerts() {
        return alerts;
    }

    @Override
    public ReadOnlyStringProperty activeCluster() {
        return state.activeCluster();
    }

    @Override
    public ReadOnlyStringProperty namespace() {
        return state.namespace();
    }

    @Override
    public ReadOnlyBooleanProperty readOnly() {
        return state.readOnly();
    }

    @Override
    public <R extends Row> LiveRows<R> liveRows(String cluster, ResourceKind<R> kind, WatchScope scope) {
        FxLiveRows<R> rows = FxLiveRows.open(clusters, batcher, cluster, kind, scope, openRows::remove);
        openRows.add(rows);
        return rows;
    }

    @Override
    public List<ResourceKind<?>> resourceKinds() {
        return registry.resourceKinds().stream().<ResourceKind<?>>map(Registered::contribution).toList();
    }

    @Override
    public Optional<ResourceKind<?>> resourceKind(GroupVersionKind gvk) {
        return registry.resourceKind(gvk);
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public UiServices ui() {
        return ui;
    }
}
