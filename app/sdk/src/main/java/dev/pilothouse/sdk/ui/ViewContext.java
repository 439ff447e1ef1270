package dev.pilothouse.sdk.ui;

import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.alerts.AlertService;
import dev.pilothouse.sdk.metrics.MetricsService;
import dev.pilothouse.sdk.settings.Settings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.util.List;
import java.util.Optional;

/** What the shell gives a view. Properties change on the FX thread. */
public interface ViewContext {

    /** Read access to every cluster. */
    ClusterService clusters();

    /** Metrics of each cluster. */
    MetricsService metrics();

    /** Alerts, rules and silences of each cluster. */
    AlertService alerts();

    /** The cluster (kubeconfig context) the user selected. */
    ReadOnlyStringProperty activeCluster();

    /** The namespace filter: empty for all namespaces. */
    ReadOnlyStringProperty namespace();

    /** Whether read-only mode is on. */
    ReadOnlyBooleanProperty readOnly();

    /** Rows of a kind, live, delivered on the FX thread once per pulse at most. */
    <R extends Row> LiveRows<R> liveRows(String cluster, ResourceKind<R> kind, WatchScope scope);

    /** Every registered resource kind. */
    List<ResourceKind<?>> resourceKinds();

    /** The registered kind for a group/version/kind, if any. */
    Optional<ResourceKind<?>> resourceKind(GroupVersionKind gvk);

    /** Settings private to the plugin that contributed the view. */
    Settings settings();

    /** Navigation, notifications, details. */
    UiServices ui();
}
