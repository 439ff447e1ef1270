package dev.pilothouse.sdk.ui;

import java.util.List;
import java.util.Objects;

/**
 * A navigation entry and its view.
 *
 * @param id       stable view id, used by {@code --view ID} and {@code --list-views}
 * @param title    sidebar label
 * @param section  sidebar section the entry is grouped under
 * @param icon     a short glyph shown before the title (a single character or emoji-free symbol)
 * @param order    position within the section, lower first
 * @param keywords extra words the command palette matches
 * @param factory  creates the view
 */
public record ViewContribution(String id, String title, NavSection section, String icon, int order,
                               List<String> keywords, ViewFactory factory) {

    public ViewContribution {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("view id must be lower-case words separated by '-', was '" + id + "'");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(section, "section");
        icon = icon == null ? "" : icon;
        keywords = List.copyOf(keywords);
        Objects.requireNonNull(factory, "factory");
    }

    public static ViewContribution of(String id, String title, NavSection section, int order, ViewFactory factory) {
        return new ViewContribution(id, title, section, "", order, List.of(), factory);
    }
}
