package dev.pilothouse.plugins.clusters.detail;

import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.kit.StatePane;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Small helpers shared by the detail sections: asynchronous content with designed states. */
final class Sections {

    private Sections() {
    }

    /** A pane that shows "loading" until the future completes, then the built content or the error. */
    static <T> Node async(CompletableFuture<T> data, String loading, Function<T, Node> build) {
        VBox content = new VBox(6);
        content.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        StatePane pane = new StatePane(scroll);
        pane.showLoading(loading);
        data.whenComplete((value, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                pane.showError("Could not load", cause.getMessage(), null);
                return;
            }
            Node built = build.apply(value);
            if (built == null) {
                return;
            }
            content.getChildren().setAll(built);
            pane.showContent();
        }));
        return pane;
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        return l;
    }

    static Label toned(String text, CellTone tone) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.BADGE, Styles.tone(tone));
        return l;
    }

    static Region empty(String text) {
        return muted(text);
    }
}
