package dev.pilothouse.core.plugin;

import dev.pilothouse.sdk.Contributions;
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

import java.util.Objects;

/**
 * Collects one plugin's contributions in a private registry. The host merges them only when contribute() returned
 * normally, so a plugin that throws half-way leaves nothing behind.
 */
final class StagedContributions implements Contributions {

    final ContributionRegistry staged = new ContributionRegistry();
    private final String pluginId;

    StagedContributions(String pluginId) {
        this.pluginId = pluginId;
    }

    private <T> void add(java.util.List<Registered<T>> list, T contribution) {
        list.add(new Registered<>(pluginId, Objects.requireNonNull(contribution, "contribution")));
    }

    @Override
    public Contributions view(ViewContribution view) {
        add(staged.views, view);
        return this;
    }

    @Override
    public Contributions resourceKind(ResourceKind<?> kind) {
        add(staged.resourceKinds, kind);
        return this;
    }

    @Override
    public Contributions detailSection(DetailSection section) {
        add(staged.detailSections, section);
        return this;
    }

    @Override
    public Contributions columnProcessor(ColumnProcessor processor) {
        add(staged.columnProcessors, processor);
        return this;
    }

    @Override
    public Contributions action(Action action) {
        add(staged.actions, action);
        return this;
    }

    @Override
    public Contributions runbookStepType(RunbookStepType stepType) {
        add(staged.stepTypes, stepType);
        return this;
    }

    @Override
    public Contributions healthCheck(HealthCheck check) {
        add(staged.healthChecks, check);
        return this;
    }

    @Override
    public Contributions statusBarItem(StatusBarItem item) {
        add(staged.statusBarItems, item);
        return this;
    }

    @Override
    public Contributions settingsPage(SettingsPage page) {
        add(staged.settingsPages, page);
        return this;
    }

    @Override
    public Contributions command(Command command) {
        add(staged.commands, command);
        return this;
    }

    @Override
    public Contributions theme(ThemeContribution theme) {
        add(staged.themes, theme);
        return this;
    }
}
