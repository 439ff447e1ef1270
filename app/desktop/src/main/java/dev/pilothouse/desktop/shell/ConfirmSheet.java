package dev.pilothouse.desktop.shell;

import dev.pilothouse.core.action.Confirmer;
import dev.pilothouse.core.action.PlanPreview;
import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.ui.Styles;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.concurrent.CompletableFuture;

/**
 * The confirmation of an action, shown over the main window (not a second window: keyboard focus stays in the app,
 * and it works the same headless). It shows the plan's summary and the exact requests (method, API path, content type
 * and body, see {@link PlanPreview}); Enter on "Run" confirms, Escape cancels.
 */
final class ConfirmSheet extends StackPane implements Confirmer {

    private final Label title = new Label();
    private final Label summary = new Label();
    private final TextArea requests = new TextArea();
    private final Button run = new Button("Run");
    private final Button cancel = new Button("Cancel");
    private CompletableFuture<Boolean> answer;

    ConfirmSheet() {
        setId("confirm-sheet");
        setVisible(false);
        setAlignment(Pos.TOP_CENTER);
        title.getStyleClass().add(Styles.TITLE_3);
        summary.setWrapText(true);
        requests.setId("confirm-requests");
        requests.setEditable(false);
        // Wrapped, so a long patch body is read whole; indented JSON keeps its shape because its lines are short.
        requests.setWrapText(true);
        requests.getStyleClass().add(Styles.MONO);
        requests.setPrefRowCount(8);
        run.setId("confirm-run");
        run.setDefaultButton(true);
        cancel.setId("confirm-cancel");
        cancel.setCancelButton(true);
        run.setOnAction(e -> finish(true));
        cancel.setOnAction(e -> finish(false));
        Region spacer = new Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        Label note = new Label("Exactly these requests will be sent.");
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox buttons = new HBox(8, note, spacer, cancel, run);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, title, summary, requests, buttons);
        box.getStyleClass().add("ph-palette");
        box.setPadding(new Insets(16));
        box.setMaxWidth(900); // room for a full API path on one line
        box.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setMargin(box, new Insets(72, 24, 24, 24));
        getChildren().add(box);
    }

    @Override
    public CompletableFuture<Boolean> confirm(Action action, ActionTarget target, ActionPlan plan) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            if (answer != null && !answer.isDone()) {
                answer.complete(false); // one confirmation at a time: a newer request replaces the open one
            }
            answer = result;
            title.setText(action.label() + " · " + target.cluster());
            summary.setText(plan.summary());
            requests.setText(PlanPreview.describe(plan));
            // A new object's body is long: give it room; the area scrolls beyond that.
            requests.setPrefRowCount(PlanPreview.hasLongBodies(plan) ? 22 : 8);
            requests.positionCaret(0);
            requests.setScrollTop(0);
            setVisible(true);
            run.requestFocus();
        });
        return result;
    }

    boolean isOpen() {
        return isVisible();
    }

    private void finish(boolean go) {
        setVisible(false);
        if (answer != null) {
            answer.complete(go);
        }
    }
}
