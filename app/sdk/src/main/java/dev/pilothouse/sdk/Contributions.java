package dev.pilothouse.sdk;

import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.command.Command;
import dev.pilothouse.sdk.health.HealthCheck;
import dev.pilothouse.sdk.kube.ColumnProcessor;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.runbook.RunbookStepType;
import dev.pilothouse.sdk.ui.DetailSection;
import dev.pilothouse.sdk.ui.SettingsPage;
import dev.pilothouse.sdk.ui.StatusBarItem;
import dev.pilothouse.sdk.ui.ThemeContribution;
import dev.pilothouse.sdk.ui.ViewContribution;

/**
 * What a plugin can contribute. A plugin calls these methods from {@link Plugin#contribute(Contributions)}; the host
 * owns timing, order, enabling and isolation. Ids must be unique within their type across all plugins: a duplicate
 * is rejected and reported against the plugin that registered it second.
 */
public interface Contributions {

    /** A navigation entry and the view it opens (created lazily on the FX thread). */
    Contributions view(ViewContribution view);

    /** A Kubernetes resource kind: how its objects project to rows, its columns and its health. */
    Contributions resourceKind(ResourceKind<?> kind);

    /** A section shown in the detail pane of objects it applies to. */
    Contributions detailSection(DetailSection section);

    /** A transformation of another kind's table columns. */
    Contributions columnProcessor(ColumnProcessor processor);

    /** An action from the catalogue, run only through the host's action engine. */
    Contributions action(Action action);

    /** A runbook step type, named by the info string of a fenced block. */
    Contributions runbookStepType(RunbookStepType stepType);

    /** A health check shown on the diagnostics page. */
    Contributions healthCheck(HealthCheck check);

    /** An item of the status bar. */
    Contributions statusBarItem(StatusBarItem item);

    /** A page of the settings view. */
    Contributions settingsPage(SettingsPage page);

    /** A command of the command palette. */
    Contributions command(Command command);

    /** A theme the user can choose. */
    Contributions theme(ThemeContribution theme);
}
