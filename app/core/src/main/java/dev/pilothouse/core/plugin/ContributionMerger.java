package dev.pilothouse.core.plugin;

import dev.pilothouse.sdk.kube.ResourceKind;

import java.util.List;
import java.util.function.Function;

/** Checks a plugin's staged contributions against the registry and merges them. */
final class ContributionMerger {

    private ContributionMerger() {
    }

    /** A message naming the first contribution whose id is already taken, or null when all are new. */
    static String firstDuplicate(ContributionRegistry into, ContributionRegistry staged) {
        String d;
        if ((d = duplicate("view", into.views, staged.views, v -> v.id())) != null) {
            return d;
        }
        if ((d = duplicate("resource kind", into.resourceKinds, staged.resourceKinds,
                (ResourceKind<?> k) -> k.gvk().group() + "/" + k.gvk().kind())) != null) {
            return d;
        }
        if ((d = duplicate("detail section", into.detailSections, staged.detailSections, s -> s.id())) != null) {
            return d;
        }
        if ((d = duplicate("column processor", into.columnProcessors, staged.columnProcessors, p -> p.id())) != null) {
            return d;
        }
        if ((d = duplicate("action", into.actions, staged.actions, a -> a.id())) != null) {
            return d;
        }
        if ((d = duplicate("runbook step type", into.stepTypes, staged.stepTypes, s -> s.id())) != null) {
            return d;
        }
        if ((d = duplicate("health check", into.healthChecks, staged.healthChecks, c -> c.id())) != null) {
            return d;
        }
        if ((d = duplicate("status bar item", into.statusBarItems, staged.statusBarItems, i -> i.id())) != null) {
            return d;
        }
        if ((d = duplicate("settings page", into.settingsPages, staged.settingsPages, p -> p.id())) != null) {
            return d;
        }
        if ((d = duplicate("command", into.commands, staged.commands, c -> c.id())) != null) {
            return d;
        }
        return duplicate("theme", into.themes, staged.themes, t -> t.id());
    }

    private static <T> String duplicate(String what, List<Registered<T>> existing, List<Registered<T>> added,
                                        Function<T, String> id) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Registered<T> r : added) {
            String candidate = id.apply(r.contribution());
            if (!seen.add(candidate)) {
                return what + " id '" + candidate + "' is contributed twice";
            }
            for (Registered<T> e : existing) {
                if (id.apply(e.contribution()).equals(candidate)) {
                    return what + " id '" + candidate + "' is already contributed by plugin '" + e.pluginId() + "'";
                }
            }
        }
        return null;
    }

    static void merge(ContributionRegistry into, ContributionRegistry staged) {
        into.views.addAll(staged.views);
        into.resourceKinds.addAll(staged.resourceKinds);
        into.detailSections.addAll(staged.detailSections);
        into.columnProcessors.addAll(staged.columnProcessors);
        into.actions.addAll(staged.actions);
        into.stepTypes.addAll(staged.stepTypes);
        into.healthChecks.addAll(staged.healthChecks);
        into.statusBarItems.addAll(staged.statusBarItems);
        into.settingsPages.addAll(staged.settingsPages);
        into.commands.addAll(staged.commands);
        into.themes.addAll(staged.themes);
    }
}
