package dev.pilothouse.plugins.mlworkloads.agents.view;

import java.util.List;

/**
 * One entry of an Agent's {@code spec.declarative.tools}: the tool server (or agent) it points at, the tools it takes
 * from it, and why kagent would refuse it, if it would.
 *
 * @param kind        what it points at; null when kagent does not know the kind written
 * @param writtenKind the kind as written, {@code Kind.group} ({@code ""} when omitted), for messages
 * @param namespace   where the target is looked up (the agent's own namespace unless the entry says otherwise)
 * @param name        the target's name
 * @param toolNames   the tools the agent takes from an MCP server; empty for an agent used as a tool
 * @param headerNames headers the agent adds to requests to this tool (credentials, usually), from secrets
 * @param problem     why kagent cannot resolve the entry, for people; empty when it can
 */
public record ToolReference(ToolServerKind kind, String writtenKind, String namespace, String name,
                            List<String> toolNames, List<String> headerNames, String problem) {

    public ToolReference {
        toolNames = List.copyOf(toolNames);
        headerNames = List.copyOf(headerNames);
    }

    /** Whether the kind is one kagent resolves (even if the object turns out to be missing). */
    public boolean known() {
        return kind != null;
    }

    /** Whether the entry uses another agent as a tool (agent-as-tool, over A2A). */
    public boolean agentTool() {
        return kind == ToolServerKind.AGENT;
    }
}
