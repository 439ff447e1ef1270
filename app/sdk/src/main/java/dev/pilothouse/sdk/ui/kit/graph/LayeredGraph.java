package dev.pilothouse.sdk.ui.kit.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The model's forward edges split into layers: vertices {@code 0..n-1} are the model's nodes, the rest are virtual
 * vertices, one per column a long edge passes, so that every edge joins adjacent layers (what crossing reduction
 * and routing need). Layers come from longest-path layering, with sources moved right next to their first
 * successor so that a step with no inputs does not drag a long edge across the whole run.
 */
final class LayeredGraph {

    /** Beyond this many virtual vertices long edges are drawn straight: a pathological graph must stay cheap. */
    static final int MAX_VIRTUAL = 50_000;

    final int realCount;
    int vertexCount;
    int[] layer;
    int layerCount;
    /** Neighbours in the previous layer (the vertex's inputs) and in the next layer (its outputs). */
    final List<int[]> up = new ArrayList<>();
    final List<int[]> down = new ArrayList<>();
    /** Per forward edge of the model, in model order: the vertices it runs through, ends included. */
    final List<int[]> chains = new ArrayList<>();

    private final List<List<Integer>> upLists = new ArrayList<>();
    private final List<List<Integer>> downLists = new ArrayList<>();

    private LayeredGraph(int realCount) {
        this.realCount = realCount;
    }

    static LayeredGraph of(DagModel model) {
        LayeredGraph g = new LayeredGraph(model.size());
        g.layer = layers(model);
        g.layerCount = Arrays.stream(g.layer).max().orElse(-1) + 1;
        g.split(model);
        return g;
    }

    private static int[] layers(DagModel model) {
        int n = model.size();
        int[] order = topologicalOrder(model);
        int[] layer = new int[n];
        for (int u : order) {
            for (int v : model.successors(u)) {
                layer[v] = Math.max(layer[v], layer[u] + 1);
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            int u = order[i];
            if (model.predecessors(u).length == 0 && model.successors(u).length > 0) {
                int first = Integer.MAX_VALUE;
                for (int v : model.successors(u)) {
                    first = Math.min(first, layer[v]);
                }
                layer[u] = first - 1;
            }
        }
        return layer;
    }

    /** Kahn's algorithm, ready nodes taken in model order, so that equal inputs give equal layouts. */
    private static int[] topologicalOrder(DagModel model) {
        int n = model.size();
        int[] pending = new int[n];
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int v = 0; v < n; v++) {
            pending[v] = model.predecessors(v).length;
            if (pending[v] == 0) {
                ready.add(v);
            }
        }
        int[] order = new int[n];
        int count = 0;
        while (!ready.isEmpty()) {
            int u = ready.poll();
            order[count++] = u;
            for (int v : model.successors(u)) {
                if (--pending[v] == 0) {
                    ready.add(v);
                }
            }
        }
        if (count != n) {
            throw new IllegalStateException("forward edges of a DagModel form a cycle");
        }
        return order;
    }

    private void split(DagModel model) {
        vertexCount = realCount;
        List<Integer> virtualLayers = new ArrayList<>();
        for (int v = 0; v < realCount; v++) {
            upLists.add(new ArrayList<>(1));
            downLists.add(new ArrayList<>(1));
        }
        for (int u = 0; u < realCount; u++) {
            for (int v : model.successors(u)) {
                int span = layer[v] - layer[u];
                if (span > 1 && vertexCount - realCount + span - 1 > MAX_VIRTUAL) {
                    chains.add(new int[] {u, v}); // drawn straight, left out of ordering
                    continue;
                }
                int[] chain = new int[span + 1];
                chain[0] = u;
                chain[span] = v;
                for (int k = 1; k < span; k++) {
                    chain[k] = vertexCount++;
                    virtualLayers.add(layer[u] + k);
                    upLists.add(new ArrayList<>(1));
                    downLists.add(new ArrayList<>(1));
                }
                for (int k = 0; k < span; k++) {
                    downLists.get(chain[k]).add(chain[k + 1]);
                    upLists.get(chain[k + 1]).add(chain[k]);
                }
                chains.add(chain);
            }
        }
        int[] all = Arrays.copyOf(layer, vertexCount);
        for (int i = 0; i < virtualLayers.size(); i++) {
            all[realCount + i] = virtualLayers.get(i);
        }
        layer = all;
        for (int v = 0; v < vertexCount; v++) {
            up.add(upLists.get(v).stream().mapToInt(Integer::intValue).toArray());
            down.add(downLists.get(v).stream().mapToInt(Integer::intValue).toArray());
        }
        upLists.clear();
        downLists.clear();
    }

    boolean isVirtual(int v) {
        return v >= realCount;
    }
}
