package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.sdk.kube.KubeObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tool references of a kagent Agent (kagent.dev/v1alpha2) the way kagent's controller resolves them:
 *
 * <ul>
 *     <li>{@code type: McpServer}: {@code mcpServer{kind, apiGroup, name, namespace, toolNames}}. An omitted kind
 *     and group mean kagent's own MCPServer; {@code MCPServer} and {@code RemoteMCPServer} may be written with
 *     group {@code kagent.dev} or none; {@code Service} with group {@code core} or none. Any other kind (a ToolHive
 *     MCPServer included) is refused by kagent as an unknown tool server type.</li>
 *     <li>{@code type: Agent}: {@code agent{name, namespace}}, another Agent used as a tool.</li>
 * </ul>
 * A namespace that is not written is the agent's own. Pure, so the rules are tested on fixtures.
 */
public final class AgentTools {

    private static final String KAGENT = "kagent.dev";
    private static final String TOOLHIVE = "toolhive.stacklok.dev";

    private AgentTools() {
    }

    /** The agent's references in the order written; entries of an unknown type are skipped. */
    public static List<ToolReference> of(KubeObject agent) {
        List<ToolReference> refs = new ArrayList<>();
        for (KubeObject tool : agent.objects("spec", "declarative", "tools")) {
            List<String> headers = tool.objects("headersFrom").stream().map(h -> h.string("name"))
                    .filter(n -> !n.isEmpty()).toList();
            switch (tool.string("type")) {
                case "McpServer" -> tool.object("mcpServer").ifPresent(s -> refs.add(server(agent, s, headers)));
                case "Agent" -> tool.object("agent").ifPresent(a -> refs.add(agentTool(agent, a, headers)));
                default -> {
                    // A type newer than this reader: nothing to draw.
                }
            }
        }
        return refs;
    }

    private static ToolReference server(KubeObject agent, KubeObject ref, List<String> headers) {
        String kind = ref.string("kind");
        String group = ref.string("apiGroup");
        String written = kind.isEmpty() && group.isEmpty() ? "" : group.isEmpty() ? kind : kind + "." + group;
        ToolServerKind resolved = resolve(kind, group);
        String problem = "";
        if (resolved == null && kind.equals("MCPServer") && group.equals(TOOLHIVE)) {
            problem = "kagent does not resolve ToolHive MCPServers, so it refuses this agent. Point a RemoteMCPServer"
                    + " at the ToolHive proxy's URL (the MCPServer's status.url) and use that instead.";
            // Drawn against the ToolHive server it names, so the graph shows what was meant next to the refusal.
            resolved = ToolServerKind.TOOLHIVE_MCP_SERVER;
        } else if (resolved == null) {
            problem = "kagent does not know the tool server kind " + written + "; it resolves MCPServer and"
                    + " RemoteMCPServer (kagent.dev) and Service.";
        }
        if (ref.string("name").isEmpty()) {
            problem = "The entry names no tool server.";
        }
        return new ToolReference(resolved, written, namespace(agent, ref), ref.string("name"), strings(ref, "toolNames"),
                headers, problem);
    }

    /** kagent's own mapping from kind and group to the object it fetches. */
    private static ToolServerKind resolve(String kind, String group) {
        return switch (kind) {
            case "" -> group.isEmpty() ? ToolServerKind.KAGENT_MCP_SERVER : null;
            case "MCPServer" -> group.isEmpty() || group.equals(KAGENT) ? ToolServerKind.KAGENT_MCP_SERVER : null;
            case "RemoteMCPServer" -> group.isEmpty() || group.equals(KAGENT) ? ToolServerKind.REMOTE_MCP_SERVER : null;
            case "Service" -> group.isEmpty() || group.equals("core") ? ToolServerKind.SERVICE : null;
            default -> null;
        };
    }

    private static ToolReference agentTool(KubeObject agent, KubeObject ref, List<String> headers) {
        String namespace = namespace(agent, ref);
        String problem = namespace.equals(agent.namespace()) && ref.string("name").equals(agent.name())
                ? "An agent cannot use itself as a tool; kagent refuses it." : "";
        if (ref.string("name").isEmpty()) {
            problem = "The entry names no agent.";
        }
        return new ToolReference(ToolServerKind.AGENT, "Agent." + KAGENT, namespace, ref.string("name"), List.of(),
                headers, problem);
    }

    private static String namespace(KubeObject agent, KubeObject ref) {
        String namespace = ref.string("namespace");
        return namespace.isEmpty() ? agent.namespace() : namespace;
    }

    /** A list of strings, which {@link KubeObject#objects} skips. */
    private static List<String> strings(KubeObject o, String field) {
        return o.get(field).filter(List.class::isInstance).map(l -> ((List<?>) l).stream()
                .filter(String.class::isInstance).map(String.class::cast).toList()).orElse(List.of());
    }
}
