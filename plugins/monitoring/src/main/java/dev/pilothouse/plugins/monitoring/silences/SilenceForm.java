package dev.pilothouse.plugins.monitoring.silences;

import dev.pilothouse.sdk.alerts.Alert;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.ViewContext;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import java.util.Map;

/**
 * Silences an alert: matchers pre-filled with the instance's labels (so exactly this alert is muted; widen them by
 * deleting labels), a duration, a comment and the author. Runs {@link CreateSilenceAction} through the host, which
 * refuses in read-only mode and shows the exact request before sending it.
 */
public final class SilenceForm {

    private final GridPane grid = new GridPane();

    public SilenceForm(ViewContext context, Alert alert) {
        TextField matchers = new TextField(MatcherText.format(MatcherText.exactly(alert.labels())));
        matchers.setId("silence-matchers");
        ComboBox<String> duration = new ComboBox<>();
        duration.setId("silence-duration");
        duration.getItems().addAll("30m", "1h", "2h", "4h", "8h", "1d", "3d");
        duration.setEditable(true);
        duration.setValue("2h");
        TextField comment = new TextField();
        comment.setId("silence-comment");
        comment.setPromptText("Why, and what happens next (e.g. a ticket)");
        TextField author = new TextField(context.settings().get("silence.author", System.getProperty("user.name", "")));
        author.setId("silence-author");
        Label result = new Label();
        result.setWrapText(true);
        result.getStyleClass().add(Styles.TEXT_SMALL);
        Button silence = new Button("Silence…");
        silence.setId("silence-create");
        silence.disableProperty().bind(context.readOnly());
        silence.setOnAction(e -> {
            context.settings().put("silence.author", author.getText().strip());
            result.setText("Waiting for confirmation…");
            context.ui().runAction(new CreateSilenceAction(), SilenceKind.target(alert.cluster(), "new"), Map.of(
                            "matchers", matchers.getText(), "duration", String.valueOf(duration.getValue()),
                            "comment", comment.getText(), "author", author.getText()))
                    .whenComplete((done, error) -> Platform.runLater(() -> result.setText(error == null
                            ? "Silenced: " + String.join(" ", done.responses())
                            : dev.pilothouse.plugins.monitoring.Errors.message(error))));
        });
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Matchers"), matchers);
        grid.addRow(1, new Label("Duration"), duration);
        grid.addRow(2, new Label("Comment"), comment);
        grid.addRow(3, new Label("Author"), author);
        grid.add(silence, 1, 4);
        grid.add(result, 1, 5);
        GridPane.setHgrow(matchers, javafx.scene.layout.Priority.ALWAYS);
    }


    public Node node() {
        return grid;
    }
}
