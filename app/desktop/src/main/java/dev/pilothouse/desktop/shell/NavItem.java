package dev.pilothouse.desktop.shell;

import dev.pilothouse.sdk.ui.NavSection;
import dev.pilothouse.sdk.ui.ViewContribution;

/** A line of the sidebar: a section heading or a view entry. */
sealed interface NavItem {

    /** A section heading; never selectable. */
    record Section(NavSection section) implements NavItem {
    }

    /** A view entry. */
    record Entry(ViewContribution view, String pluginId) implements NavItem {
    }
}
