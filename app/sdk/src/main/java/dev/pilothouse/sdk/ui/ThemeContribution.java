package dev.pilothouse.sdk.ui;

import java.util.List;
import java.util.Objects;

/**
 * A theme: an AtlantaFX user-agent stylesheet plus Pilothouse's own sheets, which use colour tokens only.
 *
 * @param id                  stable id used by {@code --theme}, e.g. {@code dark}
 * @param name                name shown to users
 * @param dark                whether it is a dark theme (charts and icons adapt)
 * @param userAgentStylesheet URL of the base stylesheet (e.g. AtlantaFX Primer Dark)
 * @param stylesheets         URLs of sheets added on top, in order
 */
public record ThemeContribution(String id, String name, boolean dark, String userAgentStylesheet, List<String> stylesheets) {

    public ThemeContribution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(userAgentStylesheet, "userAgentStylesheet");
        stylesheets = List.copyOf(stylesheets);
    }
}
