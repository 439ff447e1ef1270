package dev.pilothouse.desktop.shell;

import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.cluster.ConnectionState;
import dev.pilothouse.sdk.cluster.ConnectionStatus;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.kit.Formats;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import java.time.Instant;
import java.util.List;

/**
 * The status bar: active context, its connection state and time of last sync, notifications, plugin items, and the
 * DEMO and READ-ONLY badges.
 */
final class StatusBar extends HBox {

    private final ShellState state;
    private final ClusterService clusters;
    private final Label context = new Label();
    private final Label connection = new Label();
    private final Label sync = new Label();
    private final Label message = new Label();
    private final Label readOnlyBadge = new Label("READ-ONLY");
    private final Timeline notificationTimer = new Timeline();

    StatusBar(ShellState state, ClusterService clusters, List<Node> leftItems, List<Node> rightItems) {
        this.state = state;
        this.clusters = clusters;
        getStyleClass().add("ph-statusbar");
        setId("status-bar");
        context.setId("status-context");
        connection.setId("status-connection");
        connection.getStyleClass().add(Styles.BADGE);
        sync.setId("status-sync");
        sync.getStyleClass().add(Styles.TEXT_MUTED);
        message.setId("status-message");
        readOnlyBadge.setId("badge-read-only");
        readOnlyBadge.getStyleClass().addAll(Styles.BADGE, "ph-badge-readonly");
        readOnlyBadge.visibleProperty().bind(state.readOnly());
        readOnlyBadge.managedProperty().bind(state.readOnly());
        readOnlyBadge.setTooltip(new Tooltip("Read-only mode: the action engine refuses every change"));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(context, connection, sync);
        getChildren().addAll(leftItems);
        getChildren().addAll(message, spacer);
        getChildren().addAll(rightItems);
        if (state.demo()) {
            Label demo = new Label("DEMO");
            demo.setId("badge-demo");
            demo.getStyleClass().addAll(Styles.BADGE, "ph-badge-demo");
            demo.setTooltip(new Tooltip("Emulated clusters: nothing here is real"));
            getChildren().add(demo);
        }
        getChildren().add(readOnlyBadge);

        state.activeCluster().addListener((o, a, b) -> refresh());
        clusters.onStatusChange(info -> Platform.runLater(this::refresh));
        // "synced 4 s ago" must move even when nothing else happens.
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        refresh();
    }

    private void refresh() {
        String active = state.activeCluster().get();
        context.setText(active == null || active.isEmpty() ? "No context" : active);
        ClusterInfo info = clusters.clusters().stream().filter(c -> c.name().equals(active)).findFirst().orElse(null);
        connection.setVisible(info != null);
        connection.setManaged(info != null);
        if (info == null) {
            sync.setText("");
            return;
        }
        ConnectionStatus s = info.status();
        connection.getStyleClass().removeAll(Styles.allTones());
        connection.getStyleClass().add(Styles.tone(tone(s.state())));
        connection.setText(label(s.state()));
        connection.setTooltip(s.message().isEmpty() ? null : new Tooltip(s.message()));
        Instant now = Instant.now();
        sync.setText(s.lastSync() == null ? "never synced"
                : s.state() == ConnectionState.LIVE ? "synced " + Formats.age(s.lastSync(), now) + " ago"
                : "stale since " + Formats.age(s.lastSync(), now) + " ago");
    }

    static String label(ConnectionState state) {
        return switch (state) {
            case IDLE -> "Not connected";
            case CONNECTING -> "Connecting";
            case LIVE -> "Live";
            case STALE -> "Stale";
            case AUTH_FAILED -> "Auth failed";
            case UNREACHABLE -> "Unreachable";
        };
    }

    static CellTone tone(ConnectionState state) {
        return switch (state) {
            case LIVE -> CellTone.SUCCESS;
            case STALE -> CellTone.WARNING;
            case AUTH_FAILED, UNREACHABLE -> CellTone.DANGER;
            case IDLE, CONNECTING -> CellTone.ACCENT;
        };
    }

    /** Shows a message for a few seconds. */
    void notify(String text) {
        message.setText(text);
        notificationTimer.stop();
        notificationTimer.getKeyFrames().setAll(new KeyFrame(Duration.seconds(6), e -> message.setText("")));
        notificationTimer.playFromStart();
    }
}
