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
     * Shows one object inside the view (a run's graph, a model's page), for kinds that name this view as their
     * {@link dev.pilothouse.sdk.kube.ResourceKind#homeView() home}. Called on the FX thread after the view was
     * shown, possibly before its first sync.
     *
     * @return false when the view cannot show it; the shell then opens the detail pane
     */
    default boolean reveal(dev.pilothouse.sdk.action.ActionTarget target) {
        return false;
    }

    /**
     * True once the view shows real data (its first sync finished, or it failed and shows the error).
     * {@code --screenshot} waits for it.
     */
    default ReadOnlyBooleanProperty ready() {
        return new ReadOnlyBooleanWrapper(true).getReadOnlyProperty();
    }
}
