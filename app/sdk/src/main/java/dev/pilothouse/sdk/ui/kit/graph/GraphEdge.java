package dev.pilothouse.sdk.ui.kit.graph;

import java.util.Objects;

/** A dependency between two nodes of a {@link DagModel}, by id: {@code from} runs (or is used) before {@code to}. */
public record GraphEdge(String from, String to) {

    public GraphEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
