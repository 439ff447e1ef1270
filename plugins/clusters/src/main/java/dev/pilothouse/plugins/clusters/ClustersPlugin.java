package dev.pilothouse.plugins.clusters;

import dev.pilothouse.plugins.clusters.fleet.FleetView;
import dev.pilothouse.plugins.clusters.kinds.ConfigKinds;
import dev.pilothouse.plugins.clusters.kinds.DeploymentKind;
import dev.pilothouse.plugins.clusters.kinds.EventKind;
import dev.pilothouse.plugins.clusters.kinds.NodeKind;
import dev.pilothouse.plugins.clusters.kinds.PodKind;
import dev.pilothouse.plugins.clusters.kinds.WorkloadKinds;
import dev.pilothouse.plugins.clusters.kinds.WorkloadRow;
import dev.pilothouse.plugins.clusters.table.KindTableView;
import dev.pilothouse.sdk.Contributions;
import dev.pilothouse.sdk.Permission;
import dev.pilothouse.sdk.Plugin;
import dev.pilothouse.sdk.PluginDescriptor;
import dev.pilothouse.sdk.command.Command;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.ui.NavSection;
import dev.pilothouse.sdk.ui.ViewContribution;

import java.util.List;

/** Clusters: the fleet overview, live tables of the core kinds, and the resource kinds other plugins build on. */
public final class ClustersPlugin implements Plugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("clusters", "Clusters", "0.1.0",
                "Fleet overview and live browsing of nodes, workloads, pods, events, services, config and secrets.",
                Permission.READ_CLUSTER, Permission.READ_SECRETS);
    }

    @Override
    public void contribute(Contributions c) {
        List<ResourceKind<WorkloadRow>> workloads = WorkloadKinds.all();
        c.resourceKind(PodKind.kind())
                .resourceKind(NodeKind.kind())
                .resourceKind(EventKind.kind())
                .resourceKind(DeploymentKind.kind())
                .resourceKind(ConfigKinds.services())
                .resourceKind(ConfigKinds.configMaps())
                .resourceKind(ConfigKinds.secrets())
                .resourceKind(dev.pilothouse.plugins.clusters.crd.CrdKinds.crds());
        // The workloads table's Deployment kind shares a row type with the other controllers; the registered
        // Deployment kind stays DeploymentKind, so only the other four are contributed from this list.
        workloads.stream().skip(1).forEach(c::resourceKind);

        view(c, "fleet", "Fleet", NavSection.OVERVIEW, "◎", 10, List.of("overview", "clusters", "health", "gpu"),
                FleetView::new);
        view(c, "nodes", "Nodes", NavSection.CLUSTER, "▦", 10, List.of("no", "gpu", "taints", "pressure"),
                dev.pilothouse.plugins.clusters.table.NodesView::new);
        view(c, "workloads", "Workloads", NavSection.CLUSTER, "◇", 20,
                List.of("deployments", "statefulsets", "daemonsets", "jobs", "cronjobs", "rollout"),
                ctx -> new KindTableView<>(ctx, "workloads", "Workloads", "workloads", workloads, "status"));
        view(c, "pods", "Pods", NavSection.CLUSTER, "▤", 30, List.of("po", "containers", "crashloop", "oom"),
                ctx -> new KindTableView<>(ctx, "pods", "Pods", "pods", List.of(PodKind.kind()), "status"));
        view(c, "events", "Events", NavSection.CLUSTER, "⚑", 40, List.of("ev", "warnings"),
                dev.pilothouse.plugins.clusters.events.EventsView::new);
        view(c, "crds", "Custom resources", NavSection.CLUSTER, "✦", 50, List.of("crd", "operators", "apiextensions"),
                dev.pilothouse.plugins.clusters.crd.CrdsView::new);
        view(c, "services", "Services", NavSection.CLUSTER, "⇄", 60, List.of("svc", "ports", "loadbalancer"),
                ctx -> new KindTableView<>(ctx, "services", "Services", "services", List.of(ConfigKinds.services()), "name"));
        view(c, "configmaps", "Config maps", NavSection.CLUSTER, "☰", 70, List.of("cm", "configuration"),
                ctx -> new KindTableView<>(ctx, "configmaps", "Config maps", "config maps",
                        List.of(ConfigKinds.configMaps()), "name"));
        view(c, "secrets", "Secrets", NavSection.CLUSTER, "◈", 80, List.of("credentials", "tokens"),
                ctx -> new KindTableView<>(ctx, "secrets", "Secrets", "secrets", List.of(ConfigKinds.secrets()), "name"));
        c.detailSection(new dev.pilothouse.plugins.clusters.detail.ConditionsSection())
                .detailSection(new dev.pilothouse.plugins.clusters.detail.OwnersSection())
                .detailSection(new dev.pilothouse.plugins.clusters.detail.RelatedSection())
                .detailSection(new dev.pilothouse.plugins.clusters.detail.SecretDataSection())
                .detailSection(new dev.pilothouse.plugins.clusters.logs.LogsSection())
                .settingsPage(new dev.pilothouse.sdk.ui.SettingsPage("clusters.logs", "Logs", 30,
                        dev.pilothouse.plugins.clusters.logs.LogSettingsPage::create));
        dev.pilothouse.plugins.clusters.actions.WorkloadActions.all().forEach(c::action);
        c.command(Command.of("clusters.open-fleet", "Open fleet overview", "View", ctx -> ctx.navigate("fleet")));
    }

    private static void view(Contributions c, String id, String title, NavSection section, String icon, int order,
                             List<String> keywords, dev.pilothouse.sdk.ui.ViewFactory factory) {
        c.view(new ViewContribution(id, title, section, icon, order, keywords, factory));
    }
}
