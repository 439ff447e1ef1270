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

    private <T> Contributions add(ContributionType<T> type, T contribution) {
        staged.add(type, new Registered<>(pluginId, Objects.requireNonNull(contribution, type + " contribution")));
        return this;
    }

    @Override
    public Contributions view(ViewContribution view) {
        return add(ContributionType.VIEW, view);
    }

    @Override
    public Contributions resourceKind(ResourceKind<?> kind) {
        return add(ContributionType.RESOURCE_KIND, kind);
    }

    @Override
    public Contributions detailSection(DetailSection section) {
        return add(ContributionType.DETAIL_SECTION, section);
    }

    @Override
    public Contributions columnProcessor(ColumnProcessor processor) {
        return add(ContributionType.COLUMN_PROCESSOR, processor);
    }

    @Override
    public Contributions action(Action action) {
        return add(ContributionType.ACTION, action);
    }

    @Override
    public Contributions runbookStepType(RunbookStepType stepType) {
        return add(ContributionType.STEP_TYPE, stepType);
    }

    @Override
    public Contributions healthCheck(HealthCheck check) {
        return add(ContributionType.HEALTH_CHECK, check);
    }

    @Override
    public Contributions statusBarItem(StatusBarItem item) {
        return add(ContributionType.STATUS_BAR_ITEM, item);
    }

    @Override
    public Contributions settingsPage(SettingsPage page) {
        return add(ContributionType.SETTINGS_PAGE, page);
    }

    @Override
    public Contributions command(Command command) {
        return add(ContributionType.COMMAND, command);
    }

    @Override
    public Contributions theme(ThemeContribution theme) {
        return add(ContributionType.THEME, theme);
    }
}
