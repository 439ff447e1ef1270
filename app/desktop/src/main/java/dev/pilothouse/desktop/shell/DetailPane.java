package dev.pilothouse.desktop.shell;

import dev.pilothouse.core.kube.ObjectYaml;
import dev.pilothouse.core.plugin.PluginHost;
import dev.pilothouse.core.plugin.Registered;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.ui.DetailContext;
import dev.pilothouse.sdk.ui.DetailSection;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.StatePane;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The detail pane for one object: its YAML (read-only) and every plugin detail section that applies to its kind.
 * The full object is fetched when the pane opens, never kept for every row.
 */
final class DetailPane extends VBox {

    private final PluginHost plugins;
    private final Function<String, ViewContext> contextFor;
    private final Label title = new Label();
    private final TabPane tabs = new TabPane();
    private final Runnable onClose;

    DetailPane(PluginHost plugins, Function<String, ViewContext> contextFor, Runnable onClose) {
        this.plugins = plugins;
        this.contextFor = contextFor;
        this.onClose = onClose;
        getStyleClass().add("ph-detail");
        setId("detail-pane");
        setSpacing(8);
        title.getStyleClass().add(Styles.TITLE_4);
        Button close = new Button("✕");
        close.setId("detail-close");
        close.getStyleClass().add(Styles.FLAT);
        close.setOnAction(e -> onClose.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(header, tabs);
        setPrefWidth(520);
    }

    /** Selects the tab with this title, if the pane has one. */
    void selectTab(String title) {
        tabs.getTabs().stream().filter(t -> t.getText().equalsIgnoreCase(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    void show(ActionTarget target, ViewContext shellContext) {
        title.setText(target.gvk().kind() + " " + (target.namespace().isEmpty() ? "" : target.namespace() + "/") + target.name());
        CompletableFuture<KubeObject> object = shellContext.clusters()
                .get(target.cluster(), target.gvk(), target.namespace(), target.name());
        TextArea yaml = new TextArea();
        yaml.setEditable(false);
        yaml.getStyleClass().add(Styles.MONO);
        yaml.setId("detail-yaml");
        StatePane yamlState = new StatePane(yaml);
        yamlState.showLoading("Fetching " + target.name() + "…");
        object.whenComplete((o, e) -> Platform.runLater(() -> {
            if (e != null) {
                yamlState.showError("Could not fetch " + target.name(), rootMessage(e), () -> show(target, shellContext));
            } else {
                yaml.setText(ObjectYaml.of(o));
                yamlState.showContent();
            }
        }));
        tabs.getTabs().setAll(new Tab("YAML", yamlState));
        plugins.registry().detailSections().stream()
                .filter(r -> plugins.guard(r.pluginId(), "checking detail section " + r.contribution().id(),
                        () -> r.contribution().appliesTo(target.gvk()), false))
                .sorted(Comparator.comparingInt(r -> r.contribution().order()))
                .forEach(r -> tabs.getTabs().add(section(r, target, object)));
    }

    private Tab section(Registered<DetailSection> r, ActionTarget target, CompletableFuture<KubeObject> object) {
        ViewContext view = contextFor.apply(r.pluginId());
        DetailContext ctx = new DetailContext() {
            @Override
            public ActionTarget target() {
                return target;
            }

            @Override
            public CompletableFuture<KubeObject> object() {
                return object;
            }

            @Override
            public ViewContext view() {
                return view;
            }
        };
        Node content = plugins.guard(r.pluginId(), "building detail section " + r.contribution().id(),
                () -> r.contribution().create(ctx), null);
        if (content == null) {
            StatePane failed = new StatePane(new Region());
            failed.showError(r.contribution().title() + " failed", "The plugin '" + r.pluginId() + "' threw.", null);
            content = failed;
        }
        return new Tab(r.contribution().title(), content);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof dev.pilothouse.sdk.cluster.ClusterException) {
                break;
            }
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    void closePane() {
        onClose.run();
    }
}
