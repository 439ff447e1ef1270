package dev.pilothouse.sdk.ui.kit.graph;

/**
 * Where an edge runs: from the right side of its source to the left side of its target, through one point per
 * column it crosses. Drawn as horizontal-tangent cubic curves between consecutive points. A back edge (one that
 * closes a cycle) has only its two ends and is drawn as a dashed arc.
 *
 * @param from index of the source node in the model
 * @param to   index of the target node in the model
 */
public record EdgeRoute(int from, int to, double[] xs, double[] ys, boolean back) {

    public int points() {
        return xs.length;
    }
}
