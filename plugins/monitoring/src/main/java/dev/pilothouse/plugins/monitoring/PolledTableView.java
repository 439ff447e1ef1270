package dev.pilothouse.plugins.monitoring;

import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.View;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.ResourceTable;
import dev.pilothouse.sdk.ui.kit.StatePane;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * A table of rows read from every cluster's monitoring endpoints, refreshed every 30 s while shown (rules,
 * silences). A cluster that stops answering keeps its last rows under a banner.
 *
 * @param <R> row type
 */
public class PolledTableView<R extends Row> implements View {

    private final ViewContext context;
    private final String noun;
    private final BiFunction<ViewContext, String, CompletableFuture<List<R>>> load;
    private final Map<String, List<R>> byCluster = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final ObservableList<R> rows = FXCollections.observableArrayList();
    protected final TableView<R> table;
    private final Label count = new Label();
    private final Label banner = new Label();
    private final StatePane state;
    private final VBox root;
    private final HBox header;
    private final Timeline timer = new Timeline(new KeyFrame(Duration.seconds(30), e -> refresh()));
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private int generation;

    protected PolledTableView(ViewContext context, String id, String title, String noun, List<Column<R>> columns,
                              BiFunction<ViewContext, String, CompletableFuture<List<R>>> load) {
        this.context = context;
        this.noun = noun;
        this.load = load;
        this.table = ResourceTable.create(rows, columns);
        table.setId(id + "-table");
        table.setPlaceholder(new Label("No " + noun + "."));
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_2);
        count.getStyleClass().add(Styles.TEXT_MUTED);
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        header = new HBox(12, heading, count, spacer, refresh);
        header.getStyleClass().add(Styles.VIEW_HEADER);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        banner.setId(id + "-banner");
        banner.getStyleClass().addAll(Styles.BANNER, Styles.tone(CellTone.WARNING));
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.setMinHeight(Region.USE_PREF_SIZE); // wrap onto more lines rather than elide the reason
        banner.setManaged(false);
        banner.setVisible(false);
        state = new StatePane(table);
        VBox.setVgrow(state, Priority.ALWAYS);
        root = new VBox(header, banner, state);
        timer.setCycleCount(Timeline.INDEFINITE);
        state.showLoading("Loading " + noun + "…");
    }

    /** Adds a control to the header, before the refresh button. */
    protected void addToHeader(Node control) {
        header.getChildren().add(header.getChildren().size() - 1, control);
    }

    protected ViewContext context() {
        return context;
    }

    /** Reads every cluster again. */
    public void refresh() {
        int asked = ++generation;
        List<String> clusters = context.clusters().clusters().stream().map(ClusterInfo::name)
                .filter(c -> context.alerts().available(c)).toList();
        byCluster.keySet().retainAll(clusters);
        errors.keySet().retainAll(clusters);
        if (clusters.isEmpty()) {
            show();
            return;
        }
        for (String cluster : clusters) {
            loadSafely(cluster).whenComplete((list, error) -> Platform.runLater(() -> {
                if (asked != generation) {
                    return;
                }
                if (error == null) {
                    byCluster.put(cluster, list);
                    errors.remove(cluster);
                } else {
                    errors.put(cluster, cluster + ": " + Errors.message(error));
                }
                show();
            }));
        }
    }

    /** The load, with a call that throws (a backend already closed) turned into a failed answer. */
    private CompletableFuture<List<R>> loadSafely(String cluster) {
        try {
            return load.apply(context, cluster);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void show() {
        List<R> all = new ArrayList<>();
        byCluster.values().forEach(all::addAll);
        rows.setAll(all);
        count.setText(all.size() + " " + noun);
        String text = errors.isEmpty() ? "" : "Could not refresh " + String.join("; ", errors.values())
                + (byCluster.isEmpty() ? "" : ". Showing the last " + noun + " read.");
        banner.setText(text);
        banner.setVisible(!text.isEmpty());
        banner.setManaged(!text.isEmpty());
        if (byCluster.isEmpty() && errors.isEmpty()) {
            state.showEmpty("No alerting configured", "No cluster has a Prometheus or an Alertmanager configured "
                    + "or detected.");
        } else if (byCluster.isEmpty()) {
            state.showError("Could not read " + noun, String.join("\n", errors.values()), this::refresh);
        } else {
            state.showContent();
        }
        ready.set(true);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        refresh();
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
}
