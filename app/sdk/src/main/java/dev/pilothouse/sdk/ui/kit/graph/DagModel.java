package dev.pilothouse.sdk.ui.kit.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated directed graph for {@link DagView}: nodes in a stable order and edges between them by id.
 *
 * <p>Unknown edge ends and duplicate node ids are errors (they are bugs in whoever built the model). A cycle is not:
 * Argo and Tekton can loop, and a view must still show the run. The model finds a set of back edges whose removal
 * leaves a DAG ({@link #backEdges()}); layout ignores them and the view draws them as dashed arcs, so a loop can
 * never hang layout. Immutable; the successor arrays are shared, so indices are stable for a model's lifetime.
 */
public final class DagModel {

    private static final DagModel EMPTY = new DagModel(List.of(), List.of());

    private final List<GraphNode> nodes;
    private final List<GraphEdge> edges;
    private final Map<String, Integer> index;
    private final List<GraphEdge> backEdges;
    private final int[][] successors;
    private final int[][] predecessors;

    private DagModel(List<GraphNode> nodes, List<GraphEdge> edges) {
        this.nodes = List.copyOf(nodes);
        this.index = indexById(this.nodes);
        this.edges = distinctChecked(edges, index);
        List<List<Integer>> out = adjacency(this.nodes.size(), this.edges, index);
        Set<Long> back = BackEdges.find(out);
        this.backEdges = this.edges.stream().filter(e -> back.contains(key(index.get(e.from()), index.get(e.to()))))
                .toList();
        this.successors = new int[this.nodes.size()][];
        this.predecessors = new int[this.nodes.size()][];
        linkForwardEdges(out, back);
    }

    /** The model with no nodes: the view shows its empty state. */
    public static DagModel empty() {
        return EMPTY;
    }

    /**
     * A model of these nodes and edges.
     *
     * @throws IllegalArgumentException naming the id, when two nodes share an id or an edge names an unknown node
     */
    public static DagModel of(List<GraphNode> nodes, List<GraphEdge> edges) {
        return nodes.isEmpty() && edges.isEmpty() ? EMPTY : new DagModel(nodes, edges);
    }

    public List<GraphNode> nodes() {
        return nodes;
    }

    /** The edges, without duplicates, in the order given. */
    public List<GraphEdge> edges() {
        return edges;
    }

    public int size() {
        return nodes.size();
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** The node with this id, or null. */
    public GraphNode node(String id) {
        Integer i = index.get(id);
        return i == null ? null : nodes.get(i);
    }

    /** Whether the graph has a cycle (then {@link #backEdges()} is not empty). */
    public boolean hasCycles() {
        return !backEdges.isEmpty();
    }

    /** The edges that close a cycle: layout ignores them, the view draws them dashed. Empty for a true DAG. */
    public List<GraphEdge> backEdges() {
        return backEdges;
    }

    int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    /** Successors of node {@code i} along forward (non-back) edges. Do not modify. */
    int[] successors(int i) {
        return successors[i];
    }

    /** Predecessors of node {@code i} along forward (non-back) edges. Do not modify. */
    int[] predecessors(int i) {
        return predecessors[i];
    }

    private void linkForwardEdges(List<List<Integer>> out, Set<Long> back) {
        int n = nodes.size();
        int[] inDegree = new int[n];
        for (int u = 0; u < n; u++) {
            int from = u;
            successors[u] = out.get(u).stream().filter(v -> !back.contains(key(from, v)))
                    .mapToInt(Integer::intValue).toArray();
            for (int v : successors[u]) {
                inDegree[v]++;
            }
        }
        int[] filled = new int[n];
        for (int v = 0; v < n; v++) {
            predecessors[v] = new int[inDegree[v]];
        }
        for (int u = 0; u < n; u++) {
            for (int v : successors[u]) {
                predecessors[v][filled[v]++] = u;
            }
        }
    }

    static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    private static Map<String, Integer> indexById(List<GraphNode> nodes) {
        Map<String, Integer> byId = HashMap.newHashMap(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            if (byId.putIfAbsent(nodes.get(i).id(), i) != null) {
                throw new IllegalArgumentException("duplicate graph node id '" + nodes.get(i).id() + "'");
            }
        }
        return Map.copyOf(byId);
    }

    private static List<GraphEdge> distinctChecked(List<GraphEdge> edges, Map<String, Integer> index) {
        Set<GraphEdge> seen = new HashSet<>();
        List<GraphEdge> out = new ArrayList<>(edges.size());
        for (GraphEdge e : edges) {
            for (String end : Arrays.asList(e.from(), e.to())) {
                if (!index.containsKey(end)) {
                    throw new IllegalArgumentException("graph edge " + e.from() + " -> " + e.to()
                            + " names unknown node '" + end + "'");
                }
            }
            if (seen.add(e)) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    private static List<List<Integer>> adjacency(int n, List<GraphEdge> edges, Map<String, Integer> index) {
        List<List<Integer>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>(2));
        }
        for (GraphEdge e : edges) {
            out.get(index.get(e.from())).add(index.get(e.to()));
        }
        return out;
    }
}
