package dev.pilothouse.sdk.ui.kit.graph;

import dev.pilothouse.sdk.ui.kit.graph.DagNavigation.Move;
import javafx.scene.input.KeyCode;

/** The keyboard of {@link DagView}: arrows move the selection along the graph, Enter opens, + - 0 zoom and fit. */
final class DagKeys {

    private final DagView view;

    DagKeys(DagView view) {
        this.view = view;
    }

    /** Acts on a pressed key; false when the key is not the view's (so focus traversal and others still get it). */
    boolean handle(KeyCode code) {
        switch (code) {
            case RIGHT, KP_RIGHT -> move(Move.RIGHT);
            case LEFT, KP_LEFT -> move(Move.LEFT);
            case UP, KP_UP -> move(Move.UP);
            case DOWN, KP_DOWN -> move(Move.DOWN);
            case ENTER -> view.open(view.getSelectedNode());
            case PLUS, EQUALS, ADD -> view.zoomIn();
            case MINUS, SUBTRACT -> view.zoomOut();
            case DIGIT0, NUMPAD0 -> view.fitToView();
            case ESCAPE -> {
                if (view.getSelectedNode() == null) {
                    return false;
                }
                view.setSelectedNode(null);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void move(Move move) {
        DagLayout layout = view.getLayout();
        if (layout == null || layout.model().isEmpty()) {
            return;
        }
        int next = DagNavigation.step(layout, view.selectedIndex(), move);
        if (next >= 0) {
            view.selectAndReveal(view.idAt(next));
        }
    }
}
