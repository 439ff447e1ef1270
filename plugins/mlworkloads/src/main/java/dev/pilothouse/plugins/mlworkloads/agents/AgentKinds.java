package dev.pilothouse.plugins.mlworkloads.agents;

import dev.pilothouse.plugins.mlworkloads.MlColumns;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;

import java.util.List;
import java.util.function.Function;

/**
 * Agents and MCP servers as one row type, so the agents list merges them. Two kinds are named MCPServer, so their
 * display names and aliases say whose they are.
 */
public final class AgentKinds {

    private AgentKinds() {
    }

    /** kagent Agents, MCPServers and RemoteMCPServers, then ToolHive MCPServers. */
    public static List<ResourceKind<AgentRow>> all() {
        return List.of(
                kind(KagentResources.AGENT, KagentResources::agent, "Agent", "agent"),
                kind(KagentResources.MCP_SERVER, KagentResources::mcpServer, "MCPServer (kagent)", "kagent-mcp"),
                kind(KagentResources.REMOTE_MCP_SERVER, KagentResources::remoteMcpServer, "RemoteMCPServer",
                        "remotemcp"),
                kind(ToolHiveServers.MCP_SERVER, ToolHiveServers::project, "MCPServer (ToolHive)", "toolhive-mcp",
                        "thv"));
    }

    private static ResourceKind<AgentRow> kind(GroupVersionKind gvk, Function<KubeObject, AgentRow> projection,
                                               String displayName, String... aliases) {
        return ResourceKind.builder(gvk, projection)
                .displayName(displayName)
                .aliases(aliases)
                .homeView("agents")
                .fleetCategory("Agents")
                .health(AgentRow::health)
                .column(Column.<AgentRow>builder("kind", "Kind", AgentRow::kind).width(175).build())
                .column(MlColumns.namespace())
                .column(MlColumns.name())
                .column(MlColumns.status(AgentRow::health))
                .column(Column.<AgentRow>builder("ready", "Ready", AgentRow::ready)
                        .text(r -> r.ready() ? "yes" : "no").align(Column.Align.CENTER).width(72).build())
                .column(Column.<AgentRow>builder("endpoint", "Endpoint", AgentRow::endpoint).width(260).build())
                .column(Column.<AgentRow>builder("transport", "Transport", AgentRow::transport).width(120).build())
                .column(MlColumns.count("tools", "Tools", AgentRow::toolCount))
                .column(Column.<AgentRow>builder("auth", "Auth", AgentRow::authConfigured)
                        .text(r -> r.authConfigured() ? "configured" : "none").width(90).build())
                .build();
    }
}
