package dev.pilothouse.sdk.ui.kit.graph;

/**
 * Vertical placement within columns, keeping the crossing-reduced order: a pass left to right puts each box at the
 * mean height of its inputs (or just below the box above it), then a pass right to left pulls boxes towards the
 * mean height of their outputs where their neighbours leave room, so a fan-out's source sits beside its branches
 * rather than at the top. Two linear passes instead of an optimal (quadratic program) placement: good enough for
 * workflows, and cheap.
 */
final class Coordinates {

    private final LayeredGraph g;
    private final int[][] order;
    private final LayoutSpacing spacing;
    private final double[] top;

    Coordinates(LayeredGraph g, int[][] order, LayoutSpacing spacing) {
        this.g = g;
        this.order = order;
        this.spacing = spacing;
        this.top = new double[g.vertexCount];
    }

    /** Top of each vertex, the smallest at 0. */
    double[] tops() {
        for (int[] column : order) {
            placeAfterInputs(column);
        }
        for (int l = order.length - 2; l >= 0; l--) {
            pullTowardsOutputs(order[l]);
        }
        double min = Double.MAX_VALUE;
        for (double t : top) {
            min = Math.min(min, t);
        }
        if (top.length > 0) {
            for (int v = 0; v < top.length; v++) {
                top[v] -= min;
            }
        }
        return top;
    }

    private void placeAfterInputs(int[] column) {
        double floor = Double.NEGATIVE_INFINITY;
        int previous = -1;
        double push = 0;
        int wanting = 0;
        for (int v : column) {
            double lowest = previous < 0 ? Double.NEGATIVE_INFINITY : floor + gap(previous, v);
            double wanted = centreOf(g.up.get(v)) - height(v) / 2;
            top[v] = Double.isNaN(wanted) ? (previous < 0 ? 0 : lowest) : Math.max(wanted, lowest);
            if (!Double.isNaN(wanted)) {
                push += top[v] - wanted;
                wanting++;
            }
            floor = top[v] + height(v);
            previous = v;
        }
        // Stacking only pushes boxes down; moving the whole column back up by the mean push centres a fan-out on
        // its source instead of hanging it below, which over ten stages would drift the graph far down.
        if (wanting > 0) {
            double shift = push / wanting;
            for (int v : column) {
                top[v] -= shift;
            }
        }
    }

    private void pullTowardsOutputs(int[] column) {
        for (int i = column.length - 1; i >= 0; i--) {
            int v = column[i];
            double wanted = centreOf(g.down.get(v)) - height(v) / 2;
            if (Double.isNaN(wanted)) {
                continue;
            }
            double lowest = i == 0 ? Double.NEGATIVE_INFINITY
                    : top[column[i - 1]] + height(column[i - 1]) + gap(column[i - 1], v);
            double highest = i == column.length - 1 ? Double.POSITIVE_INFINITY
                    : top[column[i + 1]] - gap(v, column[i + 1]) - height(v);
            if (lowest <= highest) {
                top[v] = Math.clamp(wanted, lowest, highest);
            }
        }
    }

    /** Mean centre height of these vertices, NaN for none. */
    private double centreOf(int[] vertices) {
        if (vertices.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int u : vertices) {
            sum += top[u] + height(u) / 2;
        }
        return sum / vertices.length;
    }

    private double height(int v) {
        return g.isVirtual(v) ? spacing.channelSize() : spacing.nodeHeight();
    }

    private double gap(int a, int b) {
        return g.isVirtual(a) || g.isVirtual(b) ? spacing.channelSize() : spacing.nodeGap();
    }
}
