package dev.pilothouse.plugins.monitoring.cost;

import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.View;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.chart.PanelBoard;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.Map;

/**
 * The {@code cost} view: the active cluster's cost from OpenCost metrics. Shown only where OpenCost's metrics
 * exist; otherwise the view says what to install.
 */
public final class CostView implements View {

    private final ViewContext context;
    private final PanelBoard board;
    private final Label clusterName = new Label();
    private final VBox root;
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    /** While no cost metric exists, look again now and then: OpenCost may be installed while the view is open. */
    private final Timeline recheck = new Timeline(new KeyFrame(Duration.seconds(10), e -> recheckIfEmpty()));

    public CostView(ViewContext context) {
        this.context = context;
        board = new PanelBoard(context.metrics());
        board.setEmptyText("No cost metrics", "This cluster's Prometheus has no OpenCost series. Install OpenCost "
                + "and let Prometheus scrape it to see what nodes and GPUs cost.");
        Label heading = new Label("Cost");
        heading.getStyleClass().add(Styles.TITLE_2);
        clusterName.getStyleClass().add(Styles.TEXT_MUTED);
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> show());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, heading, clusterName, spacer, refresh);
        header.getStyleClass().add(Styles.VIEW_HEADER);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(board);
        content.setPadding(new Insets(8, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root = new VBox(header, scroll);
        context.activeCluster().addListener((o, was, now) -> show());
        recheck.setCycleCount(Timeline.INDEFINITE);
    }

    private void recheckIfEmpty() {
        if (!board.isShowingCharts() && !board.isLoading()) {
            show();
        }
    }

    private void show() {
        String cluster = context.activeCluster().get();
        clusterName.setText(cluster == null ? "" : cluster + " · OpenCost");
        board.show(cluster, CostPanels.all(), Map.of());
        ready.set(true);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        show();
        recheck.play();
    }

    @Override
    public void deactivate() {
        recheck.stop();
    }

    @Override
    public void dispose() {
        recheck.stop();
    }

    @Override
    public ReadOnlyBooleanProperty ready() {
        return ready.getReadOnlyProperty();
    }
}
