package dev.pilothouse.plugins.clusters.logs;

import dev.pilothouse.sdk.ui.ViewContext;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;

/** How many lines a log view keeps: the bound on its memory. */
public final class LogSettingsPage {

    private LogSettingsPage() {
    }

    public static Node create(ViewContext context) {
        Spinner<Integer> lines = new Spinner<>(1_000, 200_000, context.settings().getInt("logs.maxLines", 10_000), 1_000);
        lines.setId("logs-max-lines");
        lines.setEditable(true);
        lines.valueProperty().addListener((o, a, b) -> context.settings().put("logs.maxLines", String.valueOf(b)));
        return new HBox(10, new Label("Lines kept per log view (older lines are dropped)"), lines);
    }
}
