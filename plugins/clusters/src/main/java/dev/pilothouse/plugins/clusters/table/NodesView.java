package dev.pilothouse.plugins.clusters.table;

import dev.pilothouse.plugins.clusters.kinds.NodeKind;
import dev.pilothouse.plugins.clusters.kinds.NodeRow;
import dev.pilothouse.plugins.clusters.kinds.PodKind;
import dev.pilothouse.plugins.clusters.kinds.PodRow;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.ui.LiveRows;
import dev.pilothouse.sdk.ui.ViewContext;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Nodes, with the GPUs requested on each node by the pods scheduled there (from the shared pods watch), next to
 * capacity and allocatable: the figure a lead checks before a large training job.
 */
public final class NodesView extends KindTableView<NodeRow> {

    private final Map<String, Integer> gpuRequested = new HashMap<>();
    private LiveRows<PodRow> pods;

    public NodesView(ViewContext context) {
        super(context, "nodes", "Nodes", "nodes", List.of(NodeKind.kind()), "status");
        TableColumn<NodeRow, Integer> requested = new TableColumn<>("GPUs requested");
        requested.setId("gpuRequested");
        requested.setPrefWidth(120);
        requested.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(gpuRequested.getOrDefault(f.getValue().name(), 0)));
        requested.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer value, boolean empty) {
                super.updateItem(value, empty);
                NodeRow row = empty ? null : getTableRow().getItem();
                setText(row == null || row.gpuCapacity() == 0 && (value == null || value == 0) ? null : String.valueOf(value));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        table().getColumns().add(3, requested);
        context.activeCluster().addListener((o, a, b) -> watchPods());
        watchPods();
    }

    private void watchPods() {
        if (pods != null) {
            pods.close();
        }
        gpuRequested.clear();
        String cluster = context().activeCluster().get();
        if (cluster == null || cluster.isEmpty()) {
            return;
        }
        pods = context().liveRows(cluster, PodKind.kind(), WatchScope.ALL);
        pods.rows().addListener((ListChangeListener<PodRow>) c -> recount());
        recount();
    }

    private void recount() {
        gpuRequested.clear();
        for (PodRow p : pods.rows()) {
            if (p.active() && !p.node().isEmpty() && p.gpus() > 0) {
                gpuRequested.merge(p.node(), p.gpus(), Integer::sum);
            }
        }
        table().refresh();
    }

    @Override
    public void dispose() {
        super.dispose();
        if (pods != null) {
            pods.close();
        }
    }
}
