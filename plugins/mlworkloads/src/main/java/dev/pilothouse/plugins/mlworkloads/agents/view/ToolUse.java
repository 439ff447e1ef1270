package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.Row;

import java.util.List;

/**
 * One use of a tool server by an agent, seen from either end: on an agent's page the servers it uses, on a server's
 * page the agents that use it.
 *
 * @param kind    the other end's kind
 * @param other   the other end, {@code namespace/name}
 * @param tools   the tools taken, in words
 * @param state   the other end's readiness, in words ("missing" when it does not exist)
 * @param tone    how worrying the state is
 * @param problem why kagent refuses the reference; empty when it does not
 */
record ToolUse(String kind, String other, String tools, String state, CellTone tone, String problem) implements Row {

    static List<Column<ToolUse>> columns(String otherTitle) {
        return List.of(
                Column.<ToolUse>builder("kind", "Kind", ToolUse::kind).width(150).build(),
                Column.<ToolUse>builder("other", otherTitle, ToolUse::other).width(220).build(),
                Column.<ToolUse>builder("tools", "Tools", ToolUse::tools).width(300).build(),
                Column.<ToolUse>builder("state", "State", ToolUse::state).tone(ToolUse::tone).width(150).build(),
                Column.<ToolUse>builder("problem", "Problem", ToolUse::problem)
                        .tone(u -> u.problem().isEmpty() ? CellTone.DEFAULT : CellTone.DANGER).width(420).build());
    }

    @Override
    public String uid() {
        return kind + "/" + other + "/" + tools;
    }

    @Override
    public String namespace() {
        return "";
    }

    @Override
    public String name() {
        return other;
    }
}
