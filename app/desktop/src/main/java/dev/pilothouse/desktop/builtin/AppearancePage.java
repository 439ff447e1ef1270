package dev.pilothouse.desktop.builtin;

import dev.pilothouse.desktop.theme.ThemeManager;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.ThemeContribution;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/** The Appearance settings page: choose a theme; the choice applies at once and is remembered. */
final class AppearancePage {

    private AppearancePage() {
    }

    static Node create(ThemeManager themes) {
        VBox box = new VBox(8);
        Label heading = new Label("Theme");
        heading.getStyleClass().add(Styles.TITLE_4);
        box.getChildren().add(heading);
        ToggleGroup group = new ToggleGroup();
        for (ThemeContribution theme : themes.themes()) {
            RadioButton choice = new RadioButton(theme.name() + (theme.dark() ? "  (dark)" : ""));
            choice.setId("theme-" + theme.id());
            choice.setToggleGroup(group);
            choice.setSelected(themes.current().get() != null && themes.current().get().id().equals(theme.id()));
            choice.setOnAction(e -> themes.apply(theme, true));
            box.getChildren().add(choice);
        }
        themes.current().addListener((o, a, b) -> group.getToggles().forEach(t ->
                t.setSelected(((RadioButton) t).getId().equals("theme-" + b.id()))));
        return box;
    }
}
