package dev.pilothouse.plugins.mlworkloads.models.page;

import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.ResourceTable;
import javafx.collections.FXCollections;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import java.util.List;

/**
 * Tables of objects read once (a model's pods, its events), drawn with the columns of the kind registered for them,
 * so they look exactly like the pods and events views. Enter or a double click opens the object's detail pane.
 */
final class ObjectTables {

    private ObjectTables() {
    }

    static <R extends Row> TableView<R> of(ViewContext context, String cluster, ResourceKind<R> kind,
                                           List<KubeObject> objects) {
        List<R> rows = objects.stream().map(kind::project).toList();
        TableView<R> table = ResourceTable.create(FXCollections.observableArrayList(rows), kind.columns());
        Runnable open = () -> {
            R row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                context.ui().showDetail(new ActionTarget(cluster, kind.gvk(), row.namespace(), row.name()));
            }
        };
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                open.run();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open.run();
            }
        });
        return table;
    }
}
