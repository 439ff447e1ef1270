package dev.pilothouse.plugins.clusters.crd;

import dev.pilothouse.plugins.clusters.table.KindTableView;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.View;
import dev.pilothouse.sdk.ui.ViewContext;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;

import java.util.List;
import java.util.Locale;

/**
 * Every CRD the cluster serves, and below it the objects of the selected one, with the CRD's own printer columns:
 * any operator's resources are browsable the moment its CRD is installed.
 */
public final class CrdsView implements View {

    private final ViewContext context;
    private final KindTableView<CrdRow> crds;
    private final StackPane objects = new StackPane();
    private final SplitPane root;
    private KindTableView<CrdKinds.ObjectRow> current;

    public CrdsView(ViewContext context) {
        this.context = context;
        this.crds = new KindTableView<>(context, "crds", "Custom resources", "CRDs", List.of(CrdKinds.crds()), "name");
        Label hint = new Label("Select a CRD to list its objects.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        objects.getChildren().setAll(hint);
        objects.setId("crd-objects");
        root = new SplitPane(crds.node(), objects);
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(0.45);
        root.setId("crds-view");
        crds.tableView().getSelectionModel().selectedItemProperty().addListener((o, a, crd) -> {
            if (crd != null) {
                context.settings().put("crds.selected", crd.name());
            }
            show(crd);
        });
        // Come back to the CRD the user last looked at, once the list has it.
        crds.tableView().getItems().addListener((javafx.collections.ListChangeListener<CrdRow>) c -> {
            if (crds.tableView().getSelectionModel().isEmpty()) {
                String remembered = context.settings().get("crds.selected", "");
                crds.tableView().getItems().stream().filter(r -> r.name().equals(remembered)).findFirst()
                        .ifPresent(r -> crds.tableView().getSelectionModel().select(r));
            }
        });
        context.activeCluster().addListener((o, a, b) -> show(null));
    }

    private void show(CrdRow crd) {
        if (current != null) {
            current.dispose();
            current = null;
        }
        if (crd == null) {
            Label hint = new Label("Select a CRD to list its objects.");
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            objects.getChildren().setAll(hint);
            return;
        }
        String id = "crd-" + crd.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        current = new KindTableView<>(context, id, crd.kind(), crd.plural(), List.of(CrdKinds.objectsOf(crd)), "name");
        objects.getChildren().setAll(current.node());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        crds.activate();
    }

    @Override
    public ReadOnlyBooleanProperty ready() {
        return crds.ready();
    }

    @Override
    public void dispose() {
        crds.dispose();
        if (current != null) {
            current.dispose();
        }
    }
}
