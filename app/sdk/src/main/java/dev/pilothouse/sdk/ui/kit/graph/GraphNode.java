package dev.pilothouse.sdk.ui.kit.graph;

import dev.pilothouse.sdk.health.HealthState;

import java.util.Objects;

/**
 * One box of a graph: a workflow step, an agent, a tool server.
 *
 * @param id     unique within its {@link DagModel}; edges and callbacks name nodes by it
 * @param label  the first line of the box (elided to fit)
 * @param detail the second line, for figures such as {@code "2m 10s · 2 retries"}; may be empty
 * @param state  decides the box's colour, through the theme's tone for that state
 */
public record GraphNode(String id, String label, String detail, HealthState state) {

    public GraphNode {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("graph node id is blank");
        }
        label = label == null ? id : label;
        detail = detail == null ? "" : detail;
        state = state == null ? HealthState.UNKNOWN : state;
    }

    /** A node labelled with its id, with no detail. */
    public static GraphNode of(String id, HealthState state) {
        return new GraphNode(id, id, "", state);
    }
}
