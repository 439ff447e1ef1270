package dev.pilothouse.sdk.ui.kit.graph;

import java.util.Arrays;

/**
 * Orders the vertices of each layer to reduce edge crossings: alternating down and up sweeps that sort a layer by
 * the barycentre (mean position) of its neighbours in the layer just placed, keeping the best order seen. Vertices
 * without neighbours on that side keep their place; ties keep the current order, so the result is deterministic.
 */
final class CrossingReduction {

    static final int SWEEPS = 6;

    private CrossingReduction() {
    }

    /** The layers, each an array of vertices in order top to bottom. */
    static int[][] order(LayeredGraph g) {
        int[][] layers = initialLayers(g);
        int[] pos = positions(g, layers);
        int[][] best = copy(layers);
        long bestCrossings = crossings(g, layers, pos);
        for (int sweep = 0; sweep < SWEEPS && bestCrossings > 0; sweep++) {
            boolean downward = sweep % 2 == 0;
            if (downward) {
                for (int l = 1; l < layers.length; l++) {
                    sortByBarycentre(layers[l], g, pos, true);
                }
            } else {
                for (int l = layers.length - 2; l >= 0; l--) {
                    sortByBarycentre(layers[l], g, pos, false);
                }
            }
            long now = crossings(g, layers, pos);
            if (now < bestCrossings) {
                bestCrossings = now;
                best = copy(layers);
            }
        }
        return best;
    }

    /** Edge crossings between adjacent layers of this order. */
    static long crossings(LayeredGraph g, int[][] layers) {
        return crossings(g, layers, positions(g, layers));
    }

    private static int[][] initialLayers(LayeredGraph g) {
        int[] sizes = new int[g.layerCount];
        for (int v = 0; v < g.vertexCount; v++) {
            sizes[g.layer[v]]++;
        }
        int[][] layers = new int[g.layerCount][];
        for (int l = 0; l < g.layerCount; l++) {
            layers[l] = new int[sizes[l]];
        }
        int[] filled = new int[g.layerCount];
        for (int v = 0; v < g.vertexCount; v++) {
            layers[g.layer[v]][filled[g.layer[v]]++] = v;
        }
        return layers;
    }

    private static int[] positions(LayeredGraph g, int[][] layers) {
        int[] pos = new int[g.vertexCount];
        for (int[] layer : layers) {
            for (int i = 0; i < layer.length; i++) {
                pos[layer[i]] = i;
            }
        }
        return pos;
    }

    private static void sortByBarycentre(int[] layer, LayeredGraph g, int[] pos, boolean fromAbove) {
        int n = layer.length;
        double[] key = new double[n];
        Integer[] slots = new Integer[n];
        for (int i = 0; i < n; i++) {
            int[] neighbours = fromAbove ? g.up.get(layer[i]) : g.down.get(layer[i]);
            if (neighbours.length == 0) {
                key[i] = i; // stays where it is, among the others' barycentres
            } else {
                double sum = 0;
                for (int u : neighbours) {
                    sum += pos[u];
                }
                key[i] = sum / neighbours.length;
            }
            slots[i] = i;
        }
        Arrays.sort(slots, (a, b) -> {
            int c = Double.compare(key[a], key[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] sorted = new int[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = layer[slots[i]];
        }
        for (int i = 0; i < n; i++) {
            layer[i] = sorted[i];
            pos[sorted[i]] = i;
        }
    }

    private static long crossings(LayeredGraph g, int[][] layers, int[] pos) {
        long total = 0;
        for (int l = 0; l + 1 < layers.length; l++) {
            total += crossingsBetween(layers[l], layers[l + 1].length, g, pos);
        }
        return total;
    }

    /**
     * Crossings between a layer and the next: edges sorted by upper then lower position cross exactly where the
     * lower positions are out of order, counted as inversions with a Fenwick tree in O(E log V).
     */
    private static long crossingsBetween(int[] upper, int lowerSize, LayeredGraph g, int[] pos) {
        int edges = 0;
        for (int u : upper) {
            edges += g.down.get(u).length;
        }
        long[] keys = new long[edges];
        int k = 0;
        for (int u : upper) {
            for (int w : g.down.get(u)) {
                keys[k++] = ((long) pos[u] << 32) | pos[w];
            }
        }
        Arrays.sort(keys);
        int[] tree = new int[lowerSize + 1];
        long crossings = 0;
        for (int i = 0; i < edges; i++) {
            int lower = (int) keys[i];
            // Edges already seen whose lower end is further down than this one's cross it.
            crossings += i - prefix(tree, lower + 1);
            for (int j = lower + 1; j <= lowerSize; j += j & -j) {
                tree[j]++;
            }
        }
        return crossings;
    }

    private static int prefix(int[] tree, int end) {
        int sum = 0;
        for (int j = end; j > 0; j -= j & -j) {
            sum += tree[j];
        }
        return sum;
    }

    private static int[][] copy(int[][] layers) {
        int[][] out = new int[layers.length][];
        for (int i = 0; i < layers.length; i++) {
            out[i] = layers[i].clone();
        }
        return out;
    }
}
