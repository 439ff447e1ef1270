package dev.pilothouse.sdk.ui.kit.graph;

/**
 * Keyboard moves over a laid-out graph: Right and Left follow edges (to the connected node nearest in height, so
 * moving back and forth retraces the path), Up and Down go to the box above or below in the same column.
 */
final class DagNavigation {

    enum Move { LEFT, RIGHT, UP, DOWN }

    private DagNavigation() {
    }

    /** The node to select after {@code move} from node {@code from} (-1: none selected yet), or {@code from}. */
    static int step(DagLayout layout, int from, Move move) {
        if (layout.model().isEmpty()) {
            return -1;
        }
        if (from < 0) {
            return layout.column(0)[0];
        }
        return switch (move) {
            case RIGHT -> nearest(layout, from, layout.model().successors(from));
            case LEFT -> nearest(layout, from, layout.model().predecessors(from));
            case UP -> sibling(layout, from, -1);
            case DOWN -> sibling(layout, from, 1);
        };
    }

    private static int nearest(DagLayout layout, int from, int[] candidates) {
        int best = from;
        double bestDistance = Double.MAX_VALUE;
        for (int c : candidates) {
            double d = Math.abs(layout.y(c) - layout.y(from));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    private static int sibling(DagLayout layout, int from, int direction) {
        int[] column = layout.column(layout.layer(from));
        int row = layout.row(from) + direction;
        return row >= 0 && row < column.length ? column[row] : from;
    }
}
