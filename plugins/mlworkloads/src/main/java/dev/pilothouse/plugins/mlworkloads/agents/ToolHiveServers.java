package dev.pilothouse.plugins.mlworkloads.agents;

import dev.pilothouse.plugins.mlworkloads.status.Condition;
import dev.pilothouse.plugins.mlworkloads.status.StatusHealth;
import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

/** Status adapter for ToolHive MCPServers (toolhive.stacklok.dev/v1alpha1): phase first, conditions refine it. */
public final class ToolHiveServers {

    public static final GroupVersionKind MCP_SERVER =
            new GroupVersionKind("toolhive.stacklok.dev", "v1alpha1", "MCPServer", "mcpservers");

    private static final String CONTROLLER = "The ToolHive operator";

    /** Inline settings (v1alpha1) and the references newer operators use instead. */
    private static final java.util.List<String> AUTH_FIELDS = java.util.List.of("oidcConfig", "authzConfig",
            "oidcConfigRef", "authzConfigRef", "externalAuthConfigRef", "authServerRef");

    private ToolHiveServers() {
    }

    public static AgentRow project(KubeObject o) {
        Health health = health(o);
        boolean auth = AUTH_FIELDS.stream().anyMatch(f -> o.get("spec", f).isPresent());
        return new AgentRow(o.uid(), o.namespace().intern(), o.name(), "MCPServer (ToolHive)",
                health.state() == HealthState.OK, o.string("status", "url"), o.string("spec", "transport"), -1, auth,
                health);
    }

    static Health health(KubeObject o) {
        if (!StatusHealth.hasStatus(o)) {
            return StatusHealth.noStatus(CONTROLLER);
        }
        String phase = o.string("status", "phase");
        String message = o.string("status", "message");
        return switch (phase) {
            // Newer operators say Ready where older ones said Running.
            case "Running", "Ready" -> Condition.of(o, "Ready").filter(Condition::isFalse)
                    .map(c -> Health.of(HealthState.DEGRADED, c.reasonOr("NotReady"), c.message()))
                    .orElse(Health.of(HealthState.OK, phase, message));
            case "Pending", "Terminating" -> Health.of(HealthState.PROGRESSING, phase, message);
            case "Stopped" -> Health.of(HealthState.PAUSED, phase, message.isEmpty() ? "scaled to zero" : message);
            case "Failed" -> Health.of(HealthState.FAILED, phase, message);
            case "" -> Health.of(HealthState.UNKNOWN, "NoPhase", "ToolHive reports no phase");
            default -> Health.of(HealthState.UNKNOWN, phase, message);
        };
    }
}
