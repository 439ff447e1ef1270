package dev.pilothouse.plugins.mlworkloads.pipelines.run;

import dev.pilothouse.sdk.ui.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** "What changed since the last successful run": parameters and images, before and after. */
final class ChangesPane extends VBox {

    private final Label heading = new Label();
    private final GridPane grid = new GridPane();

    ChangesPane() {
        super(8);
        setId("run-changes");
        setPadding(new Insets(10, 0, 0, 0));
        heading.setWrapText(true);
        grid.setHgap(16);
        grid.setVgap(4);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        getChildren().addAll(heading, scroll);
        showLoading();
    }

    private boolean loading;

    /** Whether it still waits for a comparison (the run had not loaded when the tab was chosen). */
    boolean isLoading() {
        return loading;
    }

    void showLoading() {
        loading = true;
        heading.setGraphic(new ProgressIndicator());
        heading.setText("Looking for the last successful run…");
        grid.getChildren().clear();
    }

    void showError(String message) {
        loading = false;
        heading.setGraphic(null);
        heading.setText("Could not list the other runs: " + message);
        grid.getChildren().clear();
    }

    void show(RunChanges.Comparison comparison) {
        loading = false;
        heading.setGraphic(null);
        grid.getChildren().clear();
        if (comparison.baseline().isEmpty() || comparison.changes().isEmpty()) {
            heading.setText(comparison.note());
            return;
        }
        var baseline = comparison.baseline().get();
        heading.setText("Compared with " + baseline.name() + ", the last successful run"
                + baseline.instant("status", "finishedAt").or(() -> baseline.instant("status", "completionTime"))
                .map(t -> " (finished " + dev.pilothouse.sdk.ui.kit.Formats.age(t, java.time.Instant.now()) + " ago)")
                .orElse("") + ":");
        String[] titles = {"", "", "Last success", "This run"};
        for (int c = 0; c < titles.length; c++) {
            Label t = new Label(titles[c]);
            t.getStyleClass().add(Styles.TEXT_BOLD);
            grid.add(t, c, 0);
        }
        int row = 1;
        for (RunChanges.Change change : comparison.changes()) {
            Label what = new Label(change.what());
            what.getStyleClass().add(Styles.TEXT_MUTED);
            grid.add(what, 0, row);
            grid.add(mono(change.key()), 1, row);
            grid.add(mono(change.before().isEmpty() ? "(not set)" : change.before()), 2, row);
            grid.add(mono(change.after().isEmpty() ? "(not set)" : change.after()), 3, row);
            row++;
        }
    }

    private static Label mono(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.MONO);
        return label;
    }
}
