package dev.pilothouse.sdk.command;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A command the user finds in the command palette by fuzzy search.
 *
 * @param id       stable id, unique among commands
 * @param title    what the palette shows, e.g. "Switch to dark theme"
 * @param category a group such as "View", "Cluster", "Theme"
 * @param keywords extra words the search matches
 * @param shortcut a key combination in JavaFX notation ({@code Shortcut+Shift+D}), or empty
 * @param run      what the command does
 */
public record Command(String id, String title, String category, List<String> keywords, String shortcut,
                      Consumer<CommandContext> run) {

    public Command {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        category = category == null ? "" : category;
        keywords = List.copyOf(keywords);
        shortcut = shortcut == null ? "" : shortcut;
        Objects.requireNonNull(run, "run");
    }

    public static Command of(String id, String title, String category, Consumer<CommandContext> run) {
        return new Command(id, title, category, List.of(), "", run);
    }
}
