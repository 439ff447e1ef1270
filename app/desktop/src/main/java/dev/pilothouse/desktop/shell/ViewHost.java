package dev.pilothouse.desktop.shell;

import dev.pilothouse.core.plugin.PluginHost;
import dev.pilothouse.core.plugin.Registered;
import dev.pilothouse.sdk.ui.View;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.ViewContribution;
import dev.pilothouse.sdk.ui.kit.StatePane;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Creates views lazily, the first time they are opened, and switches between them with activate/deactivate. A view
 * that throws while being created or switched is replaced by an error state and its plugin marked failed.
 */
final class ViewHost extends StackPane {

    private final PluginHost plugins;
    private final Function<String, ViewContext> contextFor;
    private final Map<String, View> created = new HashMap<>();
    private View current;
    private String currentId = "";

    ViewHost(PluginHost plugins, Function<String, ViewContext> contextFor) {
        this.plugins = plugins;
        this.contextFor = contextFor;
        getStyleClass().add("ph-view-host");
        setId("view-host");
    }

    /** Shows a view; returns false when no such view exists. */
    boolean show(String viewId) {
        Optional<Registered<ViewContribution>> entry = plugins.registry().view(viewId);
        if (entry.isEmpty()) {
            return false;
        }
        if (viewId.equals(currentId)) {
            return true;
        }
        String pluginId = entry.get().pluginId();
        if (current != null) {
            View leaving = current;
            plugins.run(pluginOf(currentId), "deactivating view " + currentId, leaving::deactivate);
        }
        View view = created.computeIfAbsent(viewId, id -> create(entry.get()));
        current = view;
        currentId = viewId;
        getChildren().setAll(view.node());
        plugins.run(pluginId, "activating view " + viewId, view::activate);
        return true;
    }

    private String pluginOf(String viewId) {
        return plugins.registry().view(viewId).map(Registered::pluginId).orElse("");
    }

    private View create(Registered<ViewContribution> entry) {
        ViewContribution contribution = entry.contribution();
        View view = plugins.guard(entry.pluginId(), "creating view " + contribution.id(),
                () -> contribution.factory().create(contextFor.apply(entry.pluginId())), null);
        if (view == null || view.node() == null) {
            return new FailedView(contribution.title(), entry.pluginId(), plugins);
        }
        if (view.node() instanceof Region region) {
            region.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        }
        return view;
    }

    /** The view shown now, if any. */
    Optional<View> current() {
        return Optional.ofNullable(current);
    }

    String currentId() {
        return currentId;
    }

    void disposeAll() {
        created.forEach((id, view) -> plugins.run(pluginOf(id), "disposing view " + id, view::dispose));
        created.clear();
    }

    /** Stands in for a view whose plugin failed to build it. */
    private static final class FailedView implements View {
        private final StatePane pane = new StatePane(new Region());

        FailedView(String title, String pluginId, PluginHost plugins) {
            String problem = plugins.plugins().stream().filter(p -> p.id().equals(pluginId)).findFirst()
                    .map(p -> p.problem()).orElse("");
            pane.showError(title + " could not be opened",
                    "The plugin '" + pluginId + "' failed: " + problem + ". The rest of Pilothouse is unaffected.", null);
        }

        @Override
        public javafx.scene.Node node() {
            return pane;
        }

        @Override
        public ReadOnlyBooleanProperty ready() {
            return new ReadOnlyBooleanWrapper(true).getReadOnlyProperty();
        }
    }
}
