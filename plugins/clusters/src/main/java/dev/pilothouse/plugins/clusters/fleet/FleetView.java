package dev.pilothouse.plugins.clusters.fleet;

import dev.pilothouse.plugins.clusters.kinds.PodKind;
import dev.pilothouse.plugins.clusters.kinds.PodRow;
import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.cluster.Subscription;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.View;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.ResourceTable;
import dev.pilothouse.sdk.ui.kit.StatePane;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fleet overview: one card per context, worst first, and every failing pod of every cluster in one table.
 */
public final class FleetView implements View {

    private final ViewContext context;
    private final FlowPane cards = new FlowPane(16, 16);
    private final List<ClusterCard> clusterCards = new ArrayList<>();
    private final ObservableList<ClusterPodRow> failing = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final StatePane root;
    private Subscription statusSubscription;

    public FleetView(ViewContext context) {
        this.context = context;
        Label title = new Label("Fleet");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Every configured cluster, worst first");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(2, title, subtitle);
        header.getStyleClass().add(Styles.VIEW_HEADER);

        Label failingTitle = new Label("Failing pods in every cluster");
        failingTitle.getStyleClass().add(Styles.TITLE_4);
        TableView<ClusterPodRow> failingTable = ResourceTable.create(failing, failingColumns());
        failingTable.setId("fleet-failing-pods");
        failingTable.setPrefHeight(260);
        failingTable.setPlaceholder(new Label("No failing pods. Nothing is crash-looping, OOM-killed or failed."));

        VBox content = new VBox(16, header, cards, failingTitle, failingTable);
        content.setPadding(new Insets(20));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        root = new StatePane(scroll);
        root.setId("fleet-view");
        buildCards();
    }

    private static List<Column<ClusterPodRow>> failingColumns() {
        List<Column<ClusterPodRow>> columns = new ArrayList<>();
        columns.add(Column.<ClusterPodRow>builder("cluster", "Cluster", ClusterPodRow::cluster).width(120).build());
        for (Column<PodRow> c : PodKind.kind().columns()) {
            if (List.of("namespace", "name", "status", "restarts", "lastTermination", "node").contains(c.id())) {
                columns.add(Column.<ClusterPodRow>builder(c.id(), c.title(), r -> c.value(r.pod()))
                        .text(r -> c.text(r.pod())).tone(r -> c.tone(r.pod())).width(c.preferredWidth())
                        .align(c.align()).build());
            }
        }
        return columns;
    }

    private void buildCards() {
        List<ClusterInfo> clusters = context.clusters().clusters();
        if (clusters.isEmpty()) {
            root.showEmpty("No clusters configured",
                    "Add a context to your kubeconfig, or start Pilothouse with --demo to explore the demo environment.");
            ready.set(true);
            return;
        }
        List<BooleanBinding> readiness = new ArrayList<>();
        for (ClusterInfo info : clusters) {
            ClusterCard card = new ClusterCard(context, info);
            clusterCards.add(card);
            card.severityProperty().addListener((o, a, b) -> sortCards());
            card.pods().rows().addListener((javafx.collections.ListChangeListener<PodRow>) c -> refreshFailing());
            readiness.add(Bindings.createBooleanBinding(card.readyProperty()::get, card.readyProperty()));
        }
        BooleanBinding all = readiness.stream().reduce(BooleanBinding::and).orElseThrow();
        ready.bind(all);
        statusSubscription = context.clusters().onStatusChange(info -> Platform.runLater(() -> updateCard(info)));
        // Creating the cards started their watches, and a connection may have gone live before the subscription
        // above: read the states once more now, so no change in between is lost (later ones arrive through it).
        context.clusters().clusters().forEach(this::updateCard);
        sortCards();
        refreshFailing();
        root.showContent();
    }

    private void updateCard(ClusterInfo info) {
        clusterCards.stream().filter(c -> c.cluster().equals(info.name())).forEach(c -> c.updateInfo(info));
    }

    private void sortCards() {
        List<ClusterCard> sorted = new ArrayList<>(clusterCards);
        sorted.sort(Comparator.comparingInt((ClusterCard c) -> c.severityProperty().get()).reversed());
        List<Node> current = new ArrayList<>(cards.getChildren());
        if (!current.equals(sorted)) {
            cards.getChildren().setAll(sorted);
        }
    }

    private void refreshFailing() {
        List<ClusterPodRow> rows = new ArrayList<>();
        for (ClusterCard card : clusterCards) {
            for (PodRow p : card.pods().rows()) {
                if (PodKind.health(p).state() == HealthState.FAILED) {
                    rows.add(new ClusterPodRow(card.cluster(), p));
                }
            }
        }
        failing.setAll(rows);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public ReadOnlyBooleanProperty ready() {
        return ready.getReadOnlyProperty();
    }

    @Override
    public void dispose() {
        if (statusSubscription != null) {
            statusSubscription.close();
        }
        clusterCards.forEach(ClusterCard::close);
    }

    /** A pod row tagged with its cluster, for merged tables. */
    record ClusterPodRow(String cluster, PodRow pod) implements dev.pilothouse.sdk.kube.Row {
        @Override
        public String uid() {
            return cluster + "/" + pod.uid();
        }

        @Override
        public String namespace() {
            return pod.namespace();
        }

        @Override
        public String name() {
            return pod.name();
        }
    }
}
