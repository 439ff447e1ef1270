package dev.pilothouse.sdk.ui.kit.graph;

import dev.pilothouse.sdk.health.HealthState;

import java.util.ArrayList;
import java.util.List;

/** Graphs shaped like the workflows the view shows: stages that fan out to parallel steps and fan back in. */
final class Workflows {

    private Workflows() {
    }

    /** {@code stages} stages of {@code width} parallel steps, each stage behind a join step; plus a few skip edges. */
    static DagModel staged(int stages, int width) {
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        String join = "start";
        nodes.add(GraphNode.of(join, HealthState.OK));
        for (int s = 0; s < stages; s++) {
            String next = "join-" + s;
            for (int w = 0; w < width; w++) {
                String step = "stage-" + s + "-step-" + w;
                nodes.add(new GraphNode(step, step, (w % 7) + "m 10s", w % 13 == 0 ? HealthState.FAILED
                        : HealthState.OK));
                edges.add(new GraphEdge(join, step));
                edges.add(new GraphEdge(step, next));
            }
            nodes.add(GraphNode.of(next, HealthState.PROGRESSING));
            if (s % 4 == 3) {
                edges.add(new GraphEdge("start", next)); // a skip edge across several columns
            }
            join = next;
        }
        return DagModel.of(nodes, edges);
    }

    /** One source with {@code width} children. */
    static DagModel fanOut(int width) {
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        nodes.add(GraphNode.of("root", HealthState.OK));
        for (int i = 0; i < width; i++) {
            nodes.add(GraphNode.of("leaf-" + i, HealthState.OK));
            edges.add(new GraphEdge("root", "leaf-" + i));
        }
        return DagModel.of(nodes, edges);
    }
}
