package dev.pilothouse.sdk.ui.kit;

import dev.pilothouse.sdk.ui.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Shows either the content or a designed state: loading, empty, or error. No view area is ever blank.
 */
public final class StatePane extends StackPane {

    private final Node content;
    private final VBox message = new VBox(8);

    public StatePane(Node content) {
        this.content = content;
        getStyleClass().add("ph-state-pane");
        message.setAlignment(Pos.CENTER);
        message.getStyleClass().add("ph-state-message");
        message.setMaxWidth(520);
        getChildren().addAll(content, message);
        showLoading("Loading…");
    }

    /** Shows the content. */
    public void showContent() {
        content.setVisible(true);
        message.setVisible(false);
    }

    /** Shows a progress indicator and a message. */
    public void showLoading(String text) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(36, 36);
        showMessage("ph-state-loading", progress, text, "", null, null);
    }

    /** Shows an empty state: nothing to show, and why. */
    public void showEmpty(String title, String detail) {
        showMessage("ph-state-empty", glyph("○"), title, detail, null, null);
    }

    /** Shows an error with an optional retry. */
    public void showError(String title, String detail, Runnable retry) {
        showMessage("ph-state-error", glyph("!"), title, detail, "Retry", retry);
    }

    private static Label glyph(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("ph-state-glyph", Styles.TITLE_1);
        return label;
    }

    private void showMessage(String styleClass, Node graphic, String title, String detail, String actionText,
                             Runnable action) {
        message.getStyleClass().removeAll("ph-state-loading", "ph-state-empty", "ph-state-error");
        message.getStyleClass().add(styleClass);
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add(Styles.TITLE_3);
        titleLabel.setWrapText(true);
        message.getChildren().setAll(graphic, titleLabel);
        if (detail != null && !detail.isBlank()) {
            Label detailLabel = new Label(detail);
            detailLabel.getStyleClass().add(Styles.TEXT_MUTED);
            detailLabel.setWrapText(true);
            message.getChildren().add(detailLabel);
        }
        if (action != null) {
            Button button = new Button(actionText);
            button.setOnAction(e -> action.run());
            message.getChildren().add(button);
        }
        content.setVisible(false);
        message.setVisible(true);
    }

    /** Whether the content (not a state message) is showing. */
    public boolean isShowingContent() {
        return content.isVisible();
    }
}
