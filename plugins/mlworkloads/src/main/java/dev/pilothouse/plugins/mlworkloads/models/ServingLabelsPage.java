package dev.pilothouse.plugins.mlworkloads.models;

import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.ViewContext;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Arrays;
import java.util.List;

/**
 * Settings > Models: the ordered label keys that mark a Deployment as a model server. There is no standard label,
 * so every platform team names its own; the first key a Deployment carries names its model.
 */
public final class ServingLabelsPage {

    private ServingLabelsPage() {
    }

    public static Node create(ViewContext context) {
        TextArea keys = new TextArea(String.join("\n", ModelsView.labelKeys(context)));
        keys.setId("models-label-keys");
        keys.setPrefRowCount(5);
        keys.setPrefColumnCount(40);
        Label saved = new Label();
        saved.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Button save = new Button("Save");
        save.setId("models-label-keys-save");
        save.setOnAction(e -> {
            List<String> list = parse(keys.getText());
            String invalid = list.stream().filter(k -> !k.matches("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]"
                    + "([-A-Za-z0-9_.]*[A-Za-z0-9])?")).findFirst().orElse("");
            if (!invalid.isEmpty()) {
                saved.setText("'" + invalid + "' is not a label key; nothing was saved.");
                return;
            }
            context.settings().put(ModelsView.LABEL_KEYS, String.join(",", list));
            saved.setText(list.isEmpty() ? "Saved: the default keys apply from the next start of Pilothouse."
                    : "Saved. They apply from the next start of Pilothouse.");
        });
        Label help = new Label("Label keys that mark a Deployment as a model server, one per line, in order: the "
                + "first key a Deployment carries names its model. Empty: " + String.join(", ",
                ServingDeployments.DEFAULT_LABEL_KEYS) + ".");
        help.setWrapText(true);
        help.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(8, help, keys, new HBox(10, save, saved));
    }

    static List<String> parse(String text) {
        return Arrays.stream(text.split("[,\\n]")).map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
    }
}
