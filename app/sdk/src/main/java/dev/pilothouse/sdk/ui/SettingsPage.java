package dev.pilothouse.sdk.ui;

import javafx.scene.Node;

import java.util.Objects;
import java.util.function.Function;

/**
 * A page of the settings view.
 *
 * @param id      stable id
 * @param title   the page's title
 * @param order   position, lower first
 * @param factory builds the page on the FX thread; the context's settings are the contributing plugin's
 */
public record SettingsPage(String id, String title, int order, Function<ViewContext, Node> factory) {

    public SettingsPage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(factory, "factory");
    }
}
