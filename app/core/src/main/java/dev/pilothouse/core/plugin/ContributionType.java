package dev.pilothouse.core.plugin;

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

import java.util.List;
import java.util.function.Function;

/**
 * One kind of contribution and how its instances are identified. The registry, the staging area and the duplicate
 * check all loop over {@link #ALL}, so adding a contribution type to the SDK means adding one line here.
 *
 * @param name what users read in messages ("view", "action")
 * @param id   the id that must be unique across plugins
 * @param <T>  the contribution's type
 */
public record ContributionType<T>(String name, Function<T, String> id) {

    public static final ContributionType<ViewContribution> VIEW = new ContributionType<>("view", ViewContribution::id);
    public static final ContributionType<ResourceKind<?>> RESOURCE_KIND = new ContributionType<>("resource kind",
            k -> k.gvk().group() + "/" + k.gvk().kind());
    public static final ContributionType<DetailSection> DETAIL_SECTION = new ContributionType<>("detail section",
            DetailSection::id);
    public static final ContributionType<ColumnProcessor> COLUMN_PROCESSOR = new ContributionType<>("column processor",
            ColumnProcessor::id);
    public static final ContributionType<Action> ACTION = new ContributionType<>("action", Action::id);
    public static final ContributionType<RunbookStepType> STEP_TYPE = new ContributionType<>("runbook step type",
            RunbookStepType::id);
    public static final ContributionType<HealthCheck> HEALTH_CHECK = new ContributionType<>("health check", HealthCheck::id);
    public static final ContributionType<StatusBarItem> STATUS_BAR_ITEM = new ContributionType<>("status bar item",
            StatusBarItem::id);
    public static final ContributionType<SettingsPage> SETTINGS_PAGE = new ContributionType<>("settings page",
            SettingsPage::id);
    public static final ContributionType<Command> COMMAND = new ContributionType<>("command", Command::id);
    public static final ContributionType<ThemeContribution> THEME = new ContributionType<>("theme", ThemeContribution::id);

    /** Every type, in the order the Plugins page lists contributions. */
    public static final List<ContributionType<?>> ALL = List.of(VIEW, RESOURCE_KIND, DETAIL_SECTION, COLUMN_PROCESSOR,
            ACTION, STEP_TYPE, HEALTH_CHECK, STATUS_BAR_ITEM, SETTINGS_PAGE, COMMAND, THEME);

    @Override
    public String toString() {
        return name;
    }
}
