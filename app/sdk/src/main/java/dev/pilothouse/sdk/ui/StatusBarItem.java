package dev.pilothouse.sdk.ui;

import javafx.scene.Node;

import java.util.Objects;
import java.util.function.Function;

/**
 * An item of the status bar.
 *
 * @param id      stable id
 * @param order   position on its side, lower first
 * @param right   whether it sits on the right side
 * @param factory builds the node on the FX thread
 */
public record StatusBarItem(String id, int order, boolean right, Function<ViewContext, Node> factory) {

    public StatusBarItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(factory, "factory");
    }
}
