package dev.pilothouse.sdk.ui.kit.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds edges that close cycles: an iterative depth-first search (a 500-step chain must not overflow the stack)
 * in node order, successors in edge order, so the same graph always gives the same back edges.
 */
final class BackEdges {

    private static final byte NEW = 0;
    private static final byte ON_PATH = 1;
    private static final byte DONE = 2;

    private BackEdges() {
    }

    /** Back edges as {@link DagModel#key} values; empty when the graph is acyclic. */
    static Set<Long> find(List<List<Integer>> successors) {
        int n = successors.size();
        byte[] mark = new byte[n];
        int[] stack = new int[n];
        int[] next = new int[n];
        Set<Long> back = new HashSet<>();
        for (int root = 0; root < n; root++) {
            if (mark[root] != NEW) {
                continue;
            }
            int depth = 0;
            stack[0] = root;
            next[0] = 0;
            mark[root] = ON_PATH;
            while (depth >= 0) {
                int u = stack[depth];
                List<Integer> out = successors.get(u);
                if (next[depth] == out.size()) {
                    mark[u] = DONE;
                    depth--;
                    continue;
                }
                int v = out.get(next[depth]++);
                if (mark[v] == ON_PATH) {
                    back.add(DagModel.key(u, v));
                } else if (mark[v] == NEW) {
                    mark[v] = ON_PATH;
                    depth++;
                    stack[depth] = v;
                    next[depth] = 0;
                }
            }
        }
        return back;
    }
}
