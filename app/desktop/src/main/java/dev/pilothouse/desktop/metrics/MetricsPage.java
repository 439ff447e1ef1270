package dev.pilothouse.desktop.metrics;

import dev.pilothouse.core.metrics.EndpointKind;
import dev.pilothouse.core.metrics.MetricsEndpoints;
import dev.pilothouse.sdk.ui.Styles;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;

/**
 * Settings > Metrics: per context, where its Prometheus and Alertmanager are and how to reach them. A context
 * without settings uses the address the demo presets or the one detected through the API server.
 */
public final class MetricsPage {

    private MetricsPage() {
    }

    public static Node create(List<String> contexts, String active, EndpointSettings settings,
                              MetricsEndpoints endpoints) {
        VBox box = new VBox(12);
        Label intro = new Label("Where each context's Prometheus (or Thanos, Mimir, Cortex) and Alertmanager are. "
                + "Left empty, the console looks for them among the cluster's services. Secrets are read from files "
                + "or environment variables and are never stored here.");
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        if (contexts.isEmpty()) {
            box.getChildren().addAll(intro, new Label("No contexts in the kubeconfig."));
            return box;
        }
        ComboBox<String> context = new ComboBox<>();
        context.setId("metrics-context");
        context.getItems().setAll(contexts);
        Label contextLabel = new Label("Context");
        contextLabel.setLabelFor(context);
        EndpointForm prometheus = new EndpointForm(EndpointKind.PROMETHEUS, settings, endpoints);
        EndpointForm alertmanager = new EndpointForm(EndpointKind.ALERTMANAGER, settings, endpoints);
        context.valueProperty().addListener((o, was, now) -> {
            prometheus.show(now);
            alertmanager.show(now);
        });
        context.setValue(contexts.contains(active) ? active : contexts.getFirst());
        // The status lines follow detection and failures while the page is open.
        Timeline statusTimer = new Timeline(new KeyFrame(Duration.seconds(2), e -> {
            prometheus.refreshStatus();
            alertmanager.refreshStatus();
        }));
        statusTimer.setCycleCount(Timeline.INDEFINITE);
        box.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                statusTimer.stop();
            } else {
                statusTimer.play();
            }
        });
        HBox chooser = new HBox(8, contextLabel, context);
        chooser.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.getChildren().addAll(intro, chooser, prometheus.node(), new Separator(), alertmanager.node());
        return box;
    }
}
