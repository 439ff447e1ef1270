package dev.pilothouse.desktop.builtin;

import dev.pilothouse.core.plugin.Registered;
import dev.pilothouse.sdk.ui.SettingsPage;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.View;
import dev.pilothouse.sdk.ui.ViewContext;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

import java.util.Comparator;

/** Settings: one section per contributed settings page, then where the settings live. */
final class SettingsView implements View {

    private final ScrollPane root;

    SettingsView(ShellServices services, ViewContext context) {
        VBox content = new VBox(18);
        content.setPadding(new Insets(20));
        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_2);
        content.getChildren().add(title);
        var pages = services.plugins().registry().settingsPages().stream()
                .sorted(Comparator.comparingInt((Registered<SettingsPage> r) -> r.contribution().order())).toList();
        for (Registered<SettingsPage> r : pages) {
            Node page = services.plugins().guard(r.pluginId(), "building settings page " + r.contribution().id(),
                    () -> r.contribution().factory().apply(context), null);
            VBox card = new VBox(10);
            card.getStyleClass().add(Styles.CARD);
            Label heading = new Label(r.contribution().title());
            heading.getStyleClass().add(Styles.TITLE_3);
            card.getChildren().add(heading);
            card.getChildren().add(page != null ? page
                    : new Label("This page failed to load; see the Plugins view for the reason."));
            content.getChildren().add(card);
        }
        Label where = new Label("Settings are saved in " + services.settings().file());
        where.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        content.getChildren().add(where);
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.setId("settings-view");
    }

    @Override
    public Node node() {
        return root;
    }
}
