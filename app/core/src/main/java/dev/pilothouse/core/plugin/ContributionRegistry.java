package dev.pilothouse.core.plugin;

import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.command.Command;
import dev.pilothouse.sdk.health.HealthCheck;
import dev.pilothouse.sdk.kube.ColumnProcessor;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.runbook.RunbookStepType;
import dev.pilothouse.sdk.ui.DetailSection;
import dev.pilothouse.sdk.ui.SettingsPage;
import dev.pilothouse.sdk.ui.StatusBarItem;
import dev.pilothouse.sdk.ui.ThemeContribution;
import dev.pilothouse.sdk.ui.ViewContribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the active plugins contributed, by type, in plugin load order. Core holds UI contributions only as data
 * and never calls into them; the desktop shell does.
 */
public final class ContributionRegistry {

    private final Map<ContributionType<?>, List<Registered<?>>> byType = new LinkedHashMap<>();

    /** Every contribution of a type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> List<Registered<T>> all(ContributionType<T> type) {
        return Collections.unmodifiableList((List) byType.getOrDefault(type, List.of()));
    }

    <T> void add(ContributionType<T> type, Registered<T> registered) {
        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(registered);
    }

    /** Adds everything of another registry (a plugin's staged contributions). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void addAll(ContributionRegistry other) {
        other.byType.forEach((type, list) -> list.forEach(r -> add((ContributionType) type, (Registered) r)));
    }

    public List<Registered<ViewContribution>> views() {
        return all(ContributionType.VIEW);
    }

    public List<Registered<ResourceKind<?>>> resourceKinds() {
        return all(ContributionType.RESOURCE_KIND);
    }

    public List<Registered<DetailSection>> detailSections() {
        return all(ContributionType.DETAIL_SECTION);
    }

    public List<Registered<ColumnProcessor>> columnProcessors() {
        return all(ContributionType.COLUMN_PROCESSOR);
    }

    public List<Registered<Action>> actions() {
        return all(ContributionType.ACTION);
    }

    public List<Registered<RunbookStepType>> stepTypes() {
        return all(ContributionType.STEP_TYPE);
    }

    public List<Registered<HealthCheck>> healthChecks() {
        return all(ContributionType.HEALTH_CHECK);
    }

    public List<Registered<StatusBarItem>> statusBarItems() {
        return all(ContributionType.STATUS_BAR_ITEM);
    }

    public List<Registered<SettingsPage>> settingsPages() {
        return all(ContributionType.SETTINGS_PAGE);
    }

    public List<Registered<Command>> commands() {
        return all(ContributionType.COMMAND);
    }

    public List<Registered<ThemeContribution>> themes() {
        return all(ContributionType.THEME);
    }

    /** The view with this id, if contributed. */
    public Optional<Registered<ViewContribution>> view(String id) {
        return views().stream().filter(r -> r.contribution().id().equals(id)).findFirst();
    }

    /** The resource kind registered for a group and kind (any version), if any. */
    public Optional<ResourceKind<?>> resourceKind(GroupVersionKind gvk) {
        return resourceKinds().stream().<ResourceKind<?>>map(Registered::contribution)
                .filter(k -> k.gvk().sameGroupKind(gvk)).findFirst();
    }

    /** The resource kind a user names ({@code po}, {@code deployments.apps}, {@code Pod}), if any. */
    public Optional<ResourceKind<?>> resourceKindNamed(String name) {
        return resourceKinds().stream().<ResourceKind<?>>map(Registered::contribution).filter(k -> k.isNamed(name))
                .findFirst();
    }

    /** The action with this id, if any. */
    public Optional<Registered<Action>> action(String id) {
        return actions().stream().filter(r -> r.contribution().id().equals(id)).findFirst();
    }

    /** Which plugin contributed an object, if it is registered. */
    public Optional<String> pluginOf(Object contribution) {
        return byType.values().stream().flatMap(List::stream).filter(r -> r.contribution() == contribution)
                .map(Registered::pluginId).findFirst();
    }

    /** A message naming the first contribution of {@code staged} whose id is taken here or twice there, or null. */
    String firstDuplicate(ContributionRegistry staged) {
        for (ContributionType<?> type : ContributionType.ALL) {
            String problem = duplicateOf(type, staged);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private <T> String duplicateOf(ContributionType<T> type, ContributionRegistry staged) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Registered<T> added : staged.all(type)) {
            String id = type.id().apply(added.contribution());
            if (!seen.add(id)) {
                return type + " id '" + id + "' is contributed twice";
            }
            for (Registered<T> existing : all(type)) {
                if (type.id().apply(existing.contribution()).equals(id)) {
                    return type + " id '" + id + "' is already contributed by plugin '" + existing.pluginId() + "'";
                }
            }
        }
        return null;
    }
}
