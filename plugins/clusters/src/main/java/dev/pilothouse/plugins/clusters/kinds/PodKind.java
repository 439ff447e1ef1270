package dev.pilothouse.plugins.clusters.kinds;

import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;

import java.util.Set;

/** Pods: projection to {@link PodRow}, the columns kubectl users expect, and health. */
public final class PodKind {

    public static final GroupVersionKind GVK = GroupVersionKind.core("v1", "Pod", "pods");

    private static final Set<String> FAILED_REASONS = Set.of("CrashLoopBackOff", "Error", "OOMKilled",
            "ImagePullBackOff", "ErrImagePull", "CreateContainerConfigError", "InvalidImageName", "Failed", "Evicted");

    private PodKind() {
    }

    /** The kind, ready to contribute. */
    public static ResourceKind<PodRow> kind() {
        return ResourceKind.builder(GVK, PodKind::project)
                .aliases("po", "pod")
                .health(PodKind::health)
                .column(Column.<PodRow>builder("namespace", "Namespace", PodRow::namespace).width(130).build())
                .column(Column.<PodRow>builder("name", "Name", PodRow::name).width(320).build())
                .column(Column.<PodRow>builder("ready", "Ready", PodRow::readyContainers).text(PodRow::ready)
                        .align(Column.Align.CENTER).width(72).build())
                .column(Column.<PodRow>builder("status", "Status", PodRow::status).width(150)
                        .tone(r -> state(r).tone())
                        // Sorting by status puts the worst first, the order an on-call engineer reads in.
                        .comparator(java.util.Comparator.comparing(PodKind::state)
                                .thenComparing(PodRow::status).thenComparing(PodRow::namespace).thenComparing(PodRow::name))
                        .build())
                .column(Column.<PodRow>builder("restarts", "Restarts", PodRow::restarts).align(Column.Align.RIGHT)
                        .width(85).tone(r -> r.restarts() > 5 ? CellTone.WARNING : CellTone.DEFAULT).build())
                .column(Column.<PodRow>builder("lastTermination", "Last state", PodRow::lastTermination).width(105)
                        .tone(r -> r.lastTermination().equals("OOMKilled") ? CellTone.DANGER : CellTone.MUTED).build())
                .column(Column.<PodRow>builder("gpus", "GPU", PodRow::gpus).text(r -> r.gpus() == 0 ? "" : String.valueOf(r.gpus()))
                        .align(Column.Align.RIGHT).width(50).build())
                .column(Column.<PodRow>builder("node", "Node", PodRow::node).width(190).build())
                .column(KindColumns.age(PodRow::created))
                .build();
    }

    /** Projects a Pod object to its row. Pure. */
    public static PodRow project(KubeObject pod) {
        int ready = 0;
        int restarts = 0;
        String waitingReason = "";
        String terminatedReason = "";
        String lastTermination = "";
        var statuses = pod.objects("status", "containerStatuses");
        for (KubeObject cs : statuses) {
            if (cs.flag("ready")) {
                ready++;
            }
            restarts += (int) cs.number("restartCount");
            String waiting = cs.string("state", "waiting", "reason");
            if (!waiting.isEmpty() && waitingReason.isEmpty()) {
                waitingReason = waiting;
            }
            String terminated = cs.string("state", "terminated", "reason");
            // Prefer a failure over "Completed": in an Argo step pod the wait sidecar completes while main fails,
            // and kubectl's first-container rule would then hide the failure.
            if (!terminated.isEmpty() && (terminatedReason.isEmpty() || terminatedReason.equals("Completed"))) {
                terminatedReason = terminated;
            }
            String last = cs.string("lastState", "terminated", "reason");
            if (!last.isEmpty()) {
                lastTermination = last;
            }
        }
        if (lastTermination.isEmpty() && !terminatedReason.isEmpty() && !terminatedReason.equals("Completed")) {
            lastTermination = terminatedReason;
        }
        int containers = Math.max(pod.objects("spec", "containers").size(), statuses.size());
        String phase = pod.string("status", "phase");
        if (phase.isEmpty()) {
            phase = "Pending";
        }
        String status = displayStatus(pod, phase, waitingReason, terminatedReason);
        return new PodRow(pod.uid(), pod.namespace().intern(), pod.name(), phase.intern(), status.intern(), ready,
                containers, restarts, pod.string("spec", "nodeName").intern(), pod.creationTimestamp().orElse(null),
                lastTermination.intern(), Quantities.containerRequests(pod, Quantities.GPU));
    }

    /** The STATUS column as kubectl computes it, simplified: deletion, reasons, then phase. */
    private static String displayStatus(KubeObject pod, String phase, String waiting, String terminated) {
        if (pod.get("metadata", "deletionTimestamp").isPresent()) {
            return "Terminating";
        }
        String reason = pod.string("status", "reason");
        if (!reason.isEmpty()) {
            return reason;
        }
        if (!waiting.isEmpty()) {
            return waiting;
        }
        if (!terminated.isEmpty()) {
            return terminated;
        }
        return phase;
    }

    /**
     * The health state alone: cheap and allocation-free, because sorting 10,000 rows by status asks it for every
     * comparison.
     */
    public static HealthState state(PodRow r) {
        if (FAILED_REASONS.contains(r.status()) || r.phase().equals("Failed")) {
            return HealthState.FAILED;
        }
        return switch (r.phase()) {
            case "Succeeded" -> HealthState.OK;
            case "Pending" -> HealthState.PROGRESSING;
            case "Running" -> r.readyContainers() < r.containers() ? HealthState.DEGRADED : HealthState.OK;
            default -> HealthState.UNKNOWN;
        };
    }

    /** Health of a pod row. Pure. */
    public static Health health(PodRow r) {
        HealthState state = state(r);
        return switch (state) {
            case FAILED -> Health.of(state, r.status(),
                    r.lastTermination().isEmpty() ? "" : "last terminated: " + r.lastTermination());
            case OK -> Health.of(state, r.phase().equals("Succeeded") ? "Completed" : "Running");
            case DEGRADED -> Health.of(state, "NotReady", r.ready() + " containers ready");
            default -> Health.of(state, r.status());
        };
    }
}
