package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.kit.Formats;

import java.time.Instant;
import java.util.List;

/**
 * A pod of the workload behind an agent or server, the way {@code kubectl get pods} sums it up: ready containers,
 * the reason it is stuck (CrashLoopBackOff, ImagePullBackOff...) or else its phase, restarts, node and age.
 */
record PodLine(String uid, String namespace, String name, int readyContainers, int containers, String status,
               boolean healthy, long restarts, String node, Instant created) implements Row {

    static PodLine of(KubeObject pod) {
        List<KubeObject> statuses = pod.objects("status", "containerStatuses");
        int ready = (int) statuses.stream().filter(s -> s.flag("ready")).count();
        int containers = Math.max(pod.objects("spec", "containers").size(), statuses.size());
        long restarts = statuses.stream().mapToLong(s -> s.number("restartCount")).sum();
        String phase = pod.string("status", "phase");
        String status = reason(pod, statuses, phase);
        boolean healthy = "Succeeded".equals(phase) || ("Running".equals(phase) && ready == containers
                && !pod.get("metadata", "deletionTimestamp").isPresent());
        return new PodLine(pod.uid(), pod.namespace(), pod.name(), ready, containers, status, healthy, restarts,
                pod.string("spec", "nodeName"), pod.creationTimestamp().orElse(null));
    }

    /** What is wrong, as specifically as the pod says: a container's waiting or terminated reason beats the phase. */
    private static String reason(KubeObject pod, List<KubeObject> statuses, String phase) {
        if (pod.get("metadata", "deletionTimestamp").isPresent()) {
            return "Terminating";
        }
        for (KubeObject s : statuses) {
            String waiting = s.string("state", "waiting", "reason");
            if (!waiting.isEmpty()) {
                return waiting;
            }
        }
        for (KubeObject s : statuses) {
            String terminated = s.string("state", "terminated", "reason");
            if (!terminated.isEmpty() && !"Running".equals(phase)) {
                return terminated;
            }
        }
        String podReason = pod.string("status", "reason");
        return !podReason.isEmpty() ? podReason : phase.isEmpty() ? "Unknown" : phase;
    }

    static List<Column<PodLine>> columns() {
        return List.of(
                Column.<PodLine>builder("pod", "Pod", PodLine::name).width(280).build(),
                Column.<PodLine>builder("ready", "Ready", p -> p.readyContainers() + "/" + p.containers())
                        .tone(p -> p.readyContainers() == p.containers() ? CellTone.DEFAULT : CellTone.WARNING)
                        .width(60).build(),
                Column.<PodLine>builder("status", "Status", PodLine::status)
                        .tone(p -> p.healthy() ? CellTone.DEFAULT : CellTone.DANGER).width(170).build(),
                Column.<PodLine>builder("restarts", "Restarts", PodLine::restarts)
                        .tone(p -> p.restarts() > 0 ? CellTone.WARNING : CellTone.DEFAULT)
                        .align(Column.Align.RIGHT).width(70).build(),
                Column.<PodLine>builder("node", "Node", PodLine::node).width(160).build(),
                Column.<PodLine>builder("age", "Age", PodLine::created)
                        .text(p -> Formats.age(p.created(), Instant.now())).width(60).build());
    }
}
