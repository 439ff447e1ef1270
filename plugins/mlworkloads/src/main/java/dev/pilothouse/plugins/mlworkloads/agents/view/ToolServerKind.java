package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.plugins.mlworkloads.agents.KagentResources;
import dev.pilothouse.plugins.mlworkloads.agents.ToolHiveServers;
import dev.pilothouse.sdk.kube.GroupVersionKind;

import java.util.Optional;

/**
 * What an agent can point at, and what a box of the agents graph can be. Two kinds are called MCPServer, so every
 * kind is keyed by kind and group ({@code MCPServer.kagent.dev}), as kubectl qualifies them.
 */
public enum ToolServerKind {
    AGENT(KagentResources.AGENT, "Agent", "Agent"),
    KAGENT_MCP_SERVER(KagentResources.MCP_SERVER, "MCPServer (kagent)", "kagent MCP"),
    REMOTE_MCP_SERVER(KagentResources.REMOTE_MCP_SERVER, "RemoteMCPServer", "Remote MCP"),
    TOOLHIVE_MCP_SERVER(ToolHiveServers.MCP_SERVER, "MCPServer (ToolHive)", "ToolHive MCP"),
    /** A plain Service kagent talks MCP to; Pilothouse does not list Services here, so it is never checked. */
    SERVICE(GroupVersionKind.core("v1", "Service", "services"), "Service", "Service");

    private final GroupVersionKind gvk;
    private final String label;
    private final String shortLabel;

    ToolServerKind(GroupVersionKind gvk, String label, String shortLabel) {
        this.gvk = gvk;
        this.label = label;
        this.shortLabel = shortLabel;
    }

    public GroupVersionKind gvk() {
        return gvk;
    }

    /** The kind as people read it: {@code MCPServer (ToolHive)}. */
    public String label() {
        return label;
    }

    /** The kind in a few letters, for the detail line of a graph box, which has room for little. */
    public String shortLabel() {
        return shortLabel;
    }

    /** {@code Kind.group} ({@code Service} for the core group): the kind part of graph node ids. */
    public String key() {
        return gvk.group().isEmpty() ? gvk.kind() : gvk.kind() + "." + gvk.group();
    }

    /** The kind of a row's resource kind, whatever its version. */
    public static Optional<ToolServerKind> of(GroupVersionKind gvk) {
        for (ToolServerKind k : values()) {
            if (k.gvk.sameGroupKind(gvk)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
