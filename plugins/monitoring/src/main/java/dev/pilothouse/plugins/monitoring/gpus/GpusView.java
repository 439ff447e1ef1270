package dev.pilothouse.plugins.monitoring.gpus;

import dev.pilothouse.plugins.monitoring.Errors;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.metrics.Unit;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.View;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.ResourceTable;
import dev.pilothouse.sdk.ui.kit.chart.PanelBoard;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code gpus} view: every GPU of the active cluster now (utilisation, memory, temperature, power, last XID
 * error) from the DCGM exporter, and charts of the whole cluster (per node), one node or one pod (per GPU). Enter or
 * a double click on a GPU shows its pod, or its node when no pod uses it. Charts of metrics the exporter does not
 * report are left out with a note; without DCGM metrics the view says what to install.
 */
public final class GpusView implements View {

    static final Duration REFRESH = Duration.seconds(15);

    private final ViewContext context;
    private final ObservableList<GpuRow> gpus = FXCollections.observableArrayList();
    private final TableView<GpuRow> table;
    private final ComboBox<GpuScope> scope = new ComboBox<>();
    private final PanelBoard board;
    private final Label summary = new Label();
    private final Label problem = new Label();
    private final VBox root;
    private final Timeline timer = new Timeline(new KeyFrame(REFRESH, e -> refreshTable()));
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private long generation;
    private boolean choosingScope;

    public GpusView(ViewContext context) {
        this.context = context;
        table = ResourceTable.create(gpus, columns());
        table.setId("gpus-table");
        table.setPlaceholder(new Label("No GPUs reported by the DCGM exporter."));
        table.setPrefHeight(230);
        table.setMinHeight(120);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                focusOnSelectedGpu();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                focusOnSelectedGpu();
            }
        });

        board = new PanelBoard(context.metrics());
        board.setEmptyText("No GPU metrics", "This cluster's Prometheus has no DCGM series. Install the NVIDIA DCGM "
                + "exporter (dcgm-exporter, part of the GPU Operator) and let Prometheus scrape it.");

        Label heading = new Label("GPUs");
        heading.getStyleClass().add(Styles.TITLE_2);
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        scope.setId("gpus-scope");
        scope.setPrefWidth(320);
        scope.setCellFactory(l -> new ScopeCell());
        scope.setButtonCell(new ScopeCell());
        scope.valueProperty().addListener((o, was, now) -> {
            if (!choosingScope && now != null) {
                showCharts();
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> {
            refreshTable();
            showCharts();
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label show = new Label("Charts for");
        show.setLabelFor(scope);
        HBox header = new HBox(12, heading, summary, spacer, show, scope, refresh);
        header.getStyleClass().add(Styles.VIEW_HEADER);
        header.setAlignment(Pos.CENTER_LEFT);

        problem.getStyleClass().addAll(Styles.BANNER, Styles.tone(CellTone.WARNING));
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        showProblem("");

        VBox content = new VBox(12, table, board);
        content.setPadding(new Insets(8, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root = new VBox(header, problem, scroll);
        timer.setCycleCount(Timeline.INDEFINITE);
        context.activeCluster().addListener((o, was, now) -> {
            scope.setValue(GpuScope.cluster());
            refreshTable();
            showCharts();
        });
        scope.getItems().setAll(GpuScope.cluster());
        scope.setValue(GpuScope.cluster());
    }

    private static List<Column<GpuRow>> columns() {
        return List.of(
                Column.<GpuRow>builder("node", "Node", GpuRow::node).width(300).build(),
                Column.<GpuRow>builder("gpu", "GPU", r -> parseIndex(r.gpu())).text(GpuRow::gpu)
                        .align(Column.Align.RIGHT).width(50).build(),
                Column.<GpuRow>builder("model", "Model", GpuRow::model).width(200).build(),
                Column.<GpuRow>builder("pod", "Pod", r -> r.pod().isEmpty() ? "" : r.namespace() + "/" + r.pod())
                        .text(r -> r.pod().isEmpty() ? "idle" : r.namespace() + "/" + r.pod())
                        .tone(r -> r.pod().isEmpty() ? CellTone.MUTED : CellTone.DEFAULT).width(300).build(),
                number("util", "Util", GpuRow::utilisation, Unit.PERCENT, r -> CellTone.DEFAULT),
                number("memory", "Memory", GpuRow::memoryRatio, Unit.RATIO,
                        r -> r.memoryRatio() > 0.95 ? CellTone.DANGER : r.memoryRatio() > 0.85 ? CellTone.WARNING
                                : CellTone.DEFAULT),
                number("temp", "Temp", GpuRow::temperature, Unit.CELSIUS,
                        r -> r.temperature() >= 85 ? CellTone.DANGER : r.temperature() >= 80 ? CellTone.WARNING
                                : CellTone.DEFAULT),
                number("power", "Power", GpuRow::power, Unit.WATTS, r -> CellTone.DEFAULT),
                Column.<GpuRow>builder("xid", "Last XID", GpuRow::xid)
                        .text(r -> Double.isNaN(r.xid()) ? "" : r.xid() == 0 ? "none" : String.valueOf((long) r.xid()))
                        .tone(r -> r.xid() > 0 ? CellTone.DANGER : CellTone.MUTED)
                        .align(Column.Align.RIGHT).width(95).build());
    }

    private static Column<GpuRow> number(String id, String title, java.util.function.ToDoubleFunction<GpuRow> value,
                                         Unit unit, java.util.function.Function<GpuRow, CellTone> tone) {
        return Column.<GpuRow>builder(id, title, r -> value.applyAsDouble(r))
                .text(r -> Double.isNaN(value.applyAsDouble(r)) ? "" : unit.format(value.applyAsDouble(r)))
                .tone(tone::apply).align(Column.Align.RIGHT).width(85).build();
    }

    private static int parseIndex(String gpu) {
        try {
            return Integer.parseInt(gpu);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private String cluster() {
        return context.activeCluster().get();
    }

    private void refreshTable() {
        String cluster = cluster();
        long request = ++generation;
        if (cluster == null || cluster.isEmpty() || !context.metrics().available(cluster)) {
            gpus.clear();
            summary.setText("");
            showProblem("");
            ready.set(true);
            return;
        }
        GpuInventory.load(context.metrics(), cluster).whenComplete((rows, error) -> Platform.runLater(() -> {
            if (request != generation) {
                return;
            }
            if (error != null) {
                showProblem("Could not read GPU metrics of " + cluster + ": " + Errors.message(error)
                        + (gpus.isEmpty() ? "" : ". Showing the last values read."));
            } else {
                showProblem("");
                gpus.setAll(rows);
                updateScopes(rows);
                summarise(rows);
                if (!rows.isEmpty() && !board.isShowingCharts() && !board.isLoading()) {
                    showCharts(); // the exporter appeared (or was first scraped) since the charts were checked
                }
            }
            ready.set(true);
        }));
    }

    private void summarise(List<GpuRow> rows) {
        long busy = rows.stream().filter(r -> !r.pod().isEmpty()).count();
        long xid = rows.stream().filter(r -> r.xid() > 0).count();
        Set<String> nodes = new LinkedHashSet<>();
        rows.forEach(r -> nodes.add(r.node()));
        summary.setText(rows.size() + " GPUs on " + nodes.size() + " nodes · " + busy + " in use"
                + (xid > 0 ? " · " + xid + " with XID errors" : ""));
    }

    /** Offers the whole cluster, each node and each pod with a GPU, keeping the current choice. */
    private void updateScopes(List<GpuRow> rows) {
        Set<GpuScope> choices = new LinkedHashSet<>();
        choices.add(GpuScope.cluster());
        rows.stream().map(r -> GpuScope.node(r.node())).sorted(java.util.Comparator.comparing(GpuScope::node))
                .forEach(choices::add);
        rows.stream().filter(r -> !r.pod().isEmpty()).map(r -> GpuScope.pod(r.namespace(), r.pod()))
                .sorted(java.util.Comparator.comparing(GpuScope::label)).forEach(choices::add);
        GpuScope current = scope.getValue();
        choosingScope = true;
        try {
            scope.getItems().setAll(new ArrayList<>(choices));
            scope.setValue(current != null && choices.contains(current) ? current : GpuScope.cluster());
        } finally {
            choosingScope = false;
        }
    }

    private void focusOnSelectedGpu() {
        GpuRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            scope.setValue(row.pod().isEmpty() ? GpuScope.node(row.node()) : GpuScope.pod(row.namespace(), row.pod()));
        }
    }

    private void showCharts() {
        GpuScope s = scope.getValue() == null ? GpuScope.cluster() : scope.getValue();
        board.show(cluster(), GpuPanels.of(s), s.variables());
    }

    private void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(!text.isEmpty());
        problem.setManaged(!text.isEmpty());
    }

    /** The scope currently charted (tests). */
    GpuScope scope() {
        return scope.getValue();
    }

    PanelBoard board() {
        return board;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        refreshTable();
        showCharts();
        timer.play();
    }

    @Override
    public void deactivate() {
        timer.stop();
    }

    @Override
    public void dispose() {
        timer.stop();
    }

    @Override
    public ReadOnlyBooleanProperty ready() {
        return ready.getReadOnlyProperty();
    }

    private static final class ScopeCell extends ListCell<GpuScope> {
        @Override
        protected void updateItem(GpuScope item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : switch (item.kind()) {
                case CLUSTER -> "All GPUs (per node)";
                case NODE -> "Node " + item.node();
                case POD -> "Pod " + item.label();
            });
        }
    }
}
