package dev.pilothouse.desktop.shell;

import dev.pilothouse.desktop.Versions;
import dev.pilothouse.desktop.theme.ThemeManager;
import dev.pilothouse.sdk.ui.Styles;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Map;

/** The About dialog: what Pilothouse is and the versions of everything it runs on. */
public final class AboutDialog {

    private AboutDialog() {
    }

    public static void show(Window owner, ThemeManager themes) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        // Informational: it must never block the console during an incident.
        alert.initModality(javafx.stage.Modality.NONE);
        alert.setTitle("About Pilothouse");
        alert.setHeaderText("Pilothouse " + Versions.pilothouse());
        alert.getDialogPane().setContent(content());
        themes.register(alert.getDialogPane().getScene());
        alert.setOnHidden(e -> themes.unregister(alert.getDialogPane().getScene()));
        alert.show();
    }

    /** The dialog's content: what Pilothouse is and a table of versions. */
    static VBox content() {
        GridPane grid = new GridPane();
        grid.setId("about-versions");
        grid.setHgap(16);
        grid.setVgap(4);
        int row = 0;
        for (Map.Entry<String, String> e : Versions.all().entrySet()) {
            Label key = new Label(e.getKey());
            key.getStyleClass().add(Styles.TEXT_MUTED);
            grid.addRow(row++, key, new Label(e.getValue()));
        }
        Label blurb = new Label("An operations console for ML platforms on Kubernetes. Open source.");
        blurb.setWrapText(true);
        return new VBox(12, blurb, grid);
    }
}
