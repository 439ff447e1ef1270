package dev.pilothouse.plugins.clusters;

import dev.pilothouse.plugins.clusters.fleet.FleetView;
import dev.pilothouse.plugins.clusters.kinds.DeploymentKind;
import dev.pilothouse.plugins.clusters.kinds.EventKind;
import dev.pilothouse.plugins.clusters.kinds.NodeKind;
import dev.pilothouse.plugins.clusters.kinds.PodKind;
import dev.pilothouse.plugins.clusters.pods.PodsView;
import dev.pilothouse.sdk.Contributions;
import dev.pilothouse.sdk.Permission;
import dev.pilothouse.sdk.Plugin;
import dev.pilothouse.sdk.PluginDescriptor;
import dev.pilothouse.sdk.command.Command;
import dev.pilothouse.sdk.ui.NavSection;
import dev.pilothouse.sdk.ui.ViewContribution;

import java.util.List;

/** Clusters: the fleet overview, pods, and the core resource kinds other plugins build on. */
public final class ClustersPlugin implements Plugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("clusters", "Clusters", "0.1.0",
                "Fleet overview and live browsing of pods, nodes, events and workloads.", Permission.READ_CLUSTER);
    }

    @Override
    public void contribute(Contributions c) {
        c.resourceKind(PodKind.kind())
                .resourceKind(NodeKind.kind())
                .resourceKind(EventKind.kind())
                .resourceKind(DeploymentKind.kind())
                .view(new ViewContribution("fleet", "Fleet", NavSection.OVERVIEW, "◎", 10,
                        List.of("overview", "clusters", "health", "gpu"), FleetView::new))
                .view(new ViewContribution("pods", "Pods", NavSection.CLUSTER, "▤", 30,
                        List.of("po", "containers", "crashloop", "oom"), PodsView::new))
                .command(Command.of("clusters.open-fleet", "Open fleet overview", "View", ctx -> ctx.navigate("fleet")))
                .command(Command.of("clusters.open-pods", "Open pods", "View", ctx -> ctx.navigate("pods")));
    }
}
