package dev.pilothouse.sdk;

import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.alerts.AlertService;
import dev.pilothouse.sdk.metrics.MetricsService;
import dev.pilothouse.sdk.settings.Settings;

/** Services the host offers a started plugin. Headless: usable by command-line runners too. */
public interface PluginContext {

    /** Live access to the configured Kubernetes clusters. */
    ClusterService clusters();

    /** Prometheus-compatible metrics of each cluster. */
    MetricsService metrics();

    /** Alerts, rules and silences of each cluster. */
    AlertService alerts();

    /** Persistent settings private to this plugin. */
    Settings settings();

    /** Whether the host runs in read-only mode; the action engine refuses every mutation when it does. */
    boolean readOnly();
}
