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
import java.util.List;
import java.util.Optional;


/**
 * Everything the active plugins contributed, in plugin load order. Core holds UI contributions only as data and never
 * calls into them; the desktop shell does. Immutable once the host finished loading.
 */
public final class ContributionRegistry {

    final List<Registered<ViewContribution>> views = new ArrayList<>();
    final List<Registered<ResourceKind<?>>> resourceKinds = new ArrayList<>();
    final List<Registered<DetailSection>> detailSections = new ArrayList<>();
    final List<Registered<ColumnProcessor>> columnProcessors = new ArrayList<>();
    final List<Registered<Action>> actions = new ArrayList<>();
    final List<Registered<RunbookStepType>> stepTypes = new ArrayList<>();
    final List<Registered<HealthCheck>> healthChecks = new ArrayList<>();
    final List<Registered<StatusBarItem>> statusBarItems = new ArrayList<>();
    final List<Registered<SettingsPage>> settingsPages = new ArrayList<>();
    final List<Registered<Command>> commands = new ArrayList<>();
    final List<Registered<ThemeContribution>> themes = new ArrayList<>();

    public List<Registered<ViewContribution>> views() {
        return Collections.unmodifiableList(views);
    }

    public List<Registered<ResourceKind<?>>> resourceKinds() {
        return Collections.unmodifiableList(resourceKinds);
    }

    public List<Registered<DetailSection>> detailSections() {
        return Collections.unmodifiableList(detailSections);
    }

    public List<Registered<ColumnProcessor>> columnProcessors() {
        return Collections.unmodifiableList(columnProcessors);
    }

    public List<Registered<Action>> actions() {
        return Collections.unmodifiableList(actions);
    }

    public List<Registered<RunbookStepType>> stepTypes() {
        return Collections.unmodifiableList(stepTypes);
    }

    public List<Registered<HealthCheck>> healthChecks() {
        return Collections.unmodifiableList(healthChecks);
    }

    public List<Registered<StatusBarItem>> statusBarItems() {
        return Collections.unmodifiableList(statusBarItems);
    }

    public List<Registered<SettingsPage>> settingsPages() {
        return Collections.unmodifiableList(settingsPages);
    }

    public List<Registered<Command>> commands() {
        return Collections.unmodifiableList(commands);
    }

    public List<Registered<ThemeContribution>> themes() {
        return Collections.unmodifiableList(themes);
    }

    /** The view with this id, if contributed. */
    public Optional<Registered<ViewContribution>> view(String id) {
        return views.stream().filter(r -> r.contribution().id().equals(id)).findFirst();
    }

    /** The resource kind registered for a group and kind (any version), if any. */
    public Optional<ResourceKind<?>> resourceKind(GroupVersionKind gvk) {
        return resourceKinds.stream().map(Registered::contribution).filter(k -> k.gvk().sameGroupKind(gvk)).findFirst();
    }

    /** The resource kind a user names ({@code po}, {@code deployments.apps}, {@code Pod}), if any. */
    public Optional<ResourceKind<?>> resourceKindNamed(String name) {
        return resourceKinds.stream().map(Registered::contribution).filter(k -> k.isNamed(name)).findFirst();
    }

    /** The action with this id, if any. */
    public Optional<Registered<Action>> action(String id) {
        return actions.stream().filter(r -> r.contribution().id().equals(id)).findFirst();
    }

    /** Which plugin contributed an object, if it is registered. */
    public Optional<String> pluginOf(Object contribution) {
        for (List<? extends Registered<?>> list : List.of(views, resourceKinds, detailSections, columnProcessors, actions,
                stepTypes, healthChecks, statusBarItems, settingsPages, commands, themes)) {
            for (Registered<?> r : list) {
                if (r.contribution() == contribution) {
                    return Optional.of(r.pluginId());
                }
            }
        }
        return Optional.empty();
    }

    /** Ids already used in a list, for duplicate checks. */
}
