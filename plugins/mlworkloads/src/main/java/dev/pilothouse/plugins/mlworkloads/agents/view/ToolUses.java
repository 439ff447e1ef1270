package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.plugins.mlworkloads.agents.AgentRow;
import dev.pilothouse.plugins.mlworkloads.fleet.Located;
import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The "uses" and "used by" tables of the pages: who depends on whom, and whether the other end is ready. */
final class ToolUses {

    private ToolUses() {
    }

    /** The servers and agents an agent uses, each with its readiness. */
    static List<ToolUse> of(AgentIndex index, String cluster, KubeObject agent) {
        List<ToolUse> uses = new ArrayList<>();
        for (ToolReference ref : AgentTools.of(agent)) {
            String other = ref.namespace() + "/" + ref.name();
            String kind = ref.known() ? ref.kind().label() : ref.writtenKind();
            if (!ref.known() || ref.kind() == ToolServerKind.SERVICE) {
                String state = ref.known() ? "not checked" : "unknown kind";
                uses.add(new ToolUse(kind, other, tools(ref), state,
                        ref.known() ? CellTone.MUTED : CellTone.DANGER, ref.problem()));
                continue;
            }
            Optional<Located<AgentRow>> target = index.find(cluster, ref.kind(), ref.namespace(), ref.name());
            if (target.isEmpty() && !index.listed(cluster, ref.kind().gvk())) {
                // Its kind could not be listed here: absent is not the same as missing.
                uses.add(new ToolUse(kind, other, tools(ref), "not checked", CellTone.MUTED, ref.problem()));
                continue;
            }
            uses.add(new ToolUse(kind, other, tools(ref), target.map(ToolUses::state).orElse("missing"),
                    target.map(t -> tone(t.health())).orElse(CellTone.DANGER), ref.problem()));
        }
        return uses;
    }

    /**
     * The agents that use an object, with the tools they take, and for a server behind a proxy the
     * RemoteMCPServers pointed at it (through which kagent's agents reach it).
     */
    static List<ToolUse> usersOf(AgentIndex index, Located<AgentRow> target, List<KubeObject> agents) {
        ToolServerKind kind = AgentIndex.kindOf(target).orElseThrow();
        List<ToolUse> users = new ArrayList<>();
        for (KubeObject agent : agents) {
            for (ToolReference ref : AgentTools.of(agent)) {
                if (pointsAt(ref, kind, target)) {
                    Optional<Located<AgentRow>> user = index.find(target.cluster(), ToolServerKind.AGENT,
                            agent.namespace(), agent.name());
                    users.add(new ToolUse("Agent", agent.namespace() + "/" + agent.name(), tools(ref),
                            user.map(ToolUses::state).orElse("not listed"),
                            user.map(u -> tone(u.health())).orElse(CellTone.MUTED), ref.problem()));
                }
            }
        }
        String key = Endpoints.key(target.row().endpoint(), target.namespace());
        for (Located<AgentRow> row : index.rows()) {
            boolean remote = AgentIndex.kindOf(row).filter(k -> k == ToolServerKind.REMOTE_MCP_SERVER).isPresent();
            if (remote && !key.isEmpty() && row.cluster().equals(target.cluster())
                    && key.equals(Endpoints.key(row.row().endpoint(), row.namespace()))) {
                users.add(new ToolUse(ToolServerKind.REMOTE_MCP_SERVER.label(), row.namespace() + "/" + row.name(),
                        "its URL points here", state(row), tone(row.health()), ""));
            }
        }
        return users;
    }

    /** The tools agents name from a server, each with the first agent naming it: what a kagent MCPServer is used for. */
    static List<ToolLine> namedTools(Located<AgentRow> target, List<KubeObject> agents) {
        ToolServerKind kind = AgentIndex.kindOf(target).orElseThrow();
        Map<String, ToolLine> named = new LinkedHashMap<>();
        for (KubeObject agent : agents) {
            for (ToolReference ref : AgentTools.of(agent)) {
                if (pointsAt(ref, kind, target)) {
                    ref.toolNames().forEach(t -> named.putIfAbsent(t,
                            new ToolLine(t, "named by agent " + agent.namespace() + "/" + agent.name())));
                }
            }
        }
        return List.copyOf(named.values());
    }

    private static boolean pointsAt(ToolReference ref, ToolServerKind kind, Located<AgentRow> target) {
        return ref.kind() == kind && ref.namespace().equals(target.namespace()) && ref.name().equals(target.name());
    }

    private static String tools(ToolReference ref) {
        if (ref.agentTool()) {
            return "the agent itself, over A2A";
        }
        return ref.toolNames().isEmpty() ? "all it offers (none named)" : String.join(", ", ref.toolNames());
    }

    private static String state(Located<AgentRow> row) {
        Health health = row.health();
        return health.reason().isEmpty() ? health.state().label() : health.reason();
    }

    private static CellTone tone(Health health) {
        return health.state() == HealthState.OK ? CellTone.SUCCESS : health.state().tone();
    }
}
