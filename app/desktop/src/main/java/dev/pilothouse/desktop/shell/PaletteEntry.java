package dev.pilothouse.desktop.shell;

import java.util.List;

/**
 * One result of the command palette.
 *
 * @param title    what is shown and matched
 * @param category "View", "Command", "Context", "Pod"...
 * @param keywords more words matched
 * @param action   what choosing it does
 */
record PaletteEntry(String title, String category, List<String> keywords, Runnable action) {
}
