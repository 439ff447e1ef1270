package dev.pilothouse.sdk.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;

/**
 * A view shown in the main area. Created lazily the first time the user opens it, on the FX thread.
 * The host calls {@link #activate()} when it is shown, {@link #deactivate()} when another view replaces it (stop
 * costly work then, such as watches only this view needs) and {@link #dispose()} when it is thrown away.
 */
public interface View {

    /** The view's root node; the same node every time. */
    Node node();

    /** The view became visible. */
    default void activate() {
    }

    /** The view was hidden. */
    default void deactivate() {
    }

    /** The view is discarded; release everything. */
    default void dispose() {
    }

    /**
     * True once the view shows real data (its first sync finished, or it failed and shows the error).
     * {@code --screenshot} waits for it.
     */
    default ReadOnlyBooleanProperty ready() {
        return new ReadOnlyBooleanWrapper(true).getReadOnlyProperty();
    }
}
