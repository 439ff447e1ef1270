package dev.pilothouse.plugins.mlworkloads.agents;

import dev.pilothouse.plugins.mlworkloads.status.Condition;
import dev.pilothouse.plugins.mlworkloads.status.Generations;
import dev.pilothouse.plugins.mlworkloads.status.StatusHealth;
import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.List;

/** Status adapters for kagent's Agents (v1alpha2), MCPServers (v1alpha1) and RemoteMCPServers (v1alpha2). */
public final class KagentResources {

    public static final GroupVersionKind AGENT = new GroupVersionKind("kagent.dev", "v1alpha2", "Agent", "agents");
    public static final GroupVersionKind MCP_SERVER =
            new GroupVersionKind("kagent.dev", "v1alpha1", "MCPServer", "mcpservers");
    public static final GroupVersionKind REMOTE_MCP_SERVER =
            new GroupVersionKind("kagent.dev", "v1alpha2", "RemoteMCPServer", "remotemcpservers");

    private static final String CONTROLLER = "The kagent controller";
    /** Conditions that, when false, mean the spec itself cannot work: fix the object, waiting will not help. */
    private static final List<String> SPEC_CONDITIONS = List.of("Accepted", "ResolvedRefs", "Programmed");

    private KagentResources() {
    }

    /**
     * The tool count is what the agent references: each agent used as a tool, and each named tool of an MCP server.
     * kagent serves every agent over A2A through its controller; the address depends on the install, so none.
     */
    public static AgentRow agent(KubeObject o) {
        int tools = 0;
        for (KubeObject tool : o.objects("spec", "declarative", "tools")) {
            tools += "Agent".equals(tool.string("type")) ? 1 : toolNames(tool);
        }
        return row(o, "Agent", "", "A2A", tools, false);
    }

    /** {@code toolNames} is a list of strings, which {@link KubeObject#objects} skips. */
    private static int toolNames(KubeObject tool) {
        return tool.get("mcpServer", "toolNames").filter(List.class::isInstance).map(l -> ((List<?>) l).size())
                .orElse(0);
    }

    public static AgentRow mcpServer(KubeObject o) {
        String port = o.string("spec", "deployment", "port");
        String endpoint = port.isEmpty() || o.namespace().isEmpty() ? "" : o.name() + "." + o.namespace() + ":" + port;
        return row(o, "MCPServer (kagent)", endpoint, o.string("spec", "transportType"), -1, false);
    }

    public static AgentRow remoteMcpServer(KubeObject o) {
        int tools = o.get("status", "discoveredTools").isPresent() ? o.objects("status", "discoveredTools").size() : -1;
        // Credentials reach a remote server as headers taken from secrets.
        boolean auth = !o.objects("spec", "headersFrom").isEmpty();
        return row(o, "RemoteMCPServer", o.string("spec", "url"), o.string("spec", "protocol"), tools, auth);
    }

    private static AgentRow row(KubeObject o, String kind, String endpoint, String transport, int tools, boolean auth) {
        return new AgentRow(o.uid(), o.namespace().intern(), o.name(), kind,
                Condition.of(o, "Ready").map(Condition::isTrue).orElse(false), endpoint, transport, tools, auth,
                health(o));
    }

    static Health health(KubeObject o) {
        if (!StatusHealth.hasStatus(o)) {
            return StatusHealth.noStatus(CONTROLLER);
        }
        if (!Generations.caughtUp(o)) {
            return StatusHealth.reconciling(CONTROLLER);
        }
        for (String type : SPEC_CONDITIONS) {
            var broken = Condition.of(o, type).filter(Condition::isFalse);
            if (broken.isPresent()) {
                return Health.of(HealthState.FAILED, broken.get().reasonOr(type), broken.get().message());
            }
        }
        // A server or agent that is not ready serves nothing, so agents relying on it fail.
        return Condition.of(o, "Ready").map(ready -> StatusHealth.fromReady(ready, HealthState.FAILED))
                .orElse(Health.of(HealthState.UNKNOWN, "NoReadyCondition", "kagent reports no Ready condition"));
    }
}
