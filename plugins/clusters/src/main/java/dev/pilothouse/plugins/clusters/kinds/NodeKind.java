package dev.pilothouse.plugins.clusters.kinds;

import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;

import java.util.ArrayList;
import java.util.List;

/** Nodes: readiness, pressure conditions, taints and GPUs. */
public final class NodeKind {

    public static final GroupVersionKind GVK = GroupVersionKind.core("v1", "Node", "nodes");

    private NodeKind() {
    }

    public static ResourceKind<NodeRow> kind() {
        return ResourceKind.builder(GVK, NodeKind::project)
                .clusterScoped()
                .aliases("no", "node")
                .health(NodeKind::health)
                .column(Column.<NodeRow>builder("name", "Name", NodeRow::name).width(270).build())
                .column(Column.<NodeRow>builder("status", "Status", r -> health(r).reason()).width(150)
                        .tone(r -> health(r).state().tone())
                        .comparator(java.util.Comparator.comparing((NodeRow r) -> health(r).state()).thenComparing(NodeRow::name))
                        .build())
                .column(Column.<NodeRow>builder("gpu", "GPUs alloc/cap", NodeRow::gpuAllocatable)
                        .text(r -> r.gpuCapacity() == 0 ? "" : r.gpuAllocatable() + "/" + r.gpuCapacity())
                        .align(Column.Align.RIGHT).width(115).build())
                .column(Column.<NodeRow>builder("gpuProduct", "GPU model", NodeRow::gpuProduct).width(200).build())
                .column(Column.<NodeRow>builder("taints", "Taints", r -> String.join(", ", r.taints())).width(200).build())
                .column(Column.<NodeRow>builder("kubelet", "Kubelet", NodeRow::kubelet).width(130).build())
                .build();
    }

    public static NodeRow project(KubeObject node) {
        boolean ready = false;
        List<String> pressures = new ArrayList<>();
        for (KubeObject c : node.objects("status", "conditions")) {
            String type = c.string("type");
            boolean isTrue = "True".equals(c.string("status"));
            if (type.equals("Ready")) {
                ready = isTrue;
            } else if (isTrue) {
                pressures.add(type);
            }
        }
        List<String> taints = new ArrayList<>();
        for (KubeObject t : node.objects("spec", "taints")) {
            String value = t.string("value");
            taints.add(t.string("key") + (value.isEmpty() ? "" : "=" + value) + ":" + t.string("effect"));
        }
        return new NodeRow(node.uid(), node.name(), ready, List.copyOf(pressures), node.flag("spec", "unschedulable"),
                List.copyOf(taints), Quantities.whole(node.string("status", "capacity", Quantities.GPU)),
                Quantities.whole(node.string("status", "allocatable", Quantities.GPU)),
                node.labels().getOrDefault("nvidia.com/gpu.product", ""),
                node.string("status", "nodeInfo", "kubeletVersion"), node.creationTimestamp().orElse(null));
    }

    public static Health health(NodeRow r) {
        if (!r.ready()) {
            return Health.of(HealthState.FAILED, "NotReady");
        }
        if (!r.pressures().isEmpty()) {
            return Health.of(HealthState.DEGRADED, String.join(",", r.pressures()));
        }
        if (r.unschedulable()) {
            return Health.of(HealthState.PAUSED, "SchedulingDisabled");
        }
        return Health.of(HealthState.OK, "Ready");
    }
}
