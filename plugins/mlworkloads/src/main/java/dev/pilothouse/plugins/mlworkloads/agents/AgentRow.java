package dev.pilothouse.plugins.mlworkloads.agents;

import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.kube.Row;

/**
 * One row of the agents list: kagent Agents and the MCP tool servers of kagent and ToolHive in one table.
 *
 * @param uid            metadata.uid
 * @param namespace      namespace
 * @param name           metadata.name
 * @param kind           Agent, MCPServer (kagent), RemoteMCPServer or MCPServer (ToolHive)
 * @param ready          whether the controller reports it ready
 * @param endpoint       where clients reach it; empty when not known
 * @param transport      how it speaks: stdio, sse, streamable-http, A2A...
 * @param toolCount      tools discovered on a server or referenced by an agent, or -1 when the kind does not say
 * @param authConfigured whether authentication or authorisation is configured (OIDC, authz policy, auth headers)
 * @param health         health from the kind's status adapter (computed at projection: pure)
 */
public record AgentRow(String uid, String namespace, String name, String kind, boolean ready, String endpoint,
                       String transport, int toolCount, boolean authConfigured, Health health) implements Row {
}
