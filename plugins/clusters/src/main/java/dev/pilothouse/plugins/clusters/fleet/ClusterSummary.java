package dev.pilothouse.plugins.clusters.fleet;

import dev.pilothouse.plugins.clusters.kinds.WorkloadRow;
import dev.pilothouse.plugins.clusters.kinds.EventRow;
import dev.pilothouse.plugins.clusters.kinds.NodeRow;
import dev.pilothouse.plugins.clusters.kinds.PodKind;
import dev.pilothouse.plugins.clusters.kinds.PodRow;
import dev.pilothouse.sdk.health.HealthState;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * The figures of one cluster's fleet card, computed from rows. Pure, so the fleet view's arithmetic is tested
 * without a UI.
 *
 * @param nodesReady       nodes whose Ready condition is True
 * @param nodesTotal       nodes
 * @param gpuAllocatable   GPUs allocatable over all nodes
 * @param gpuRequested     GPUs requested by pods that still run or wait
 * @param podsRunning      pods in phase Running
 * @param podsPending      pods in phase Pending
 * @param podsFailed       pods whose health is Failed (crash loops, OOM kills, failed phase)
 * @param podsSucceeded    pods in phase Succeeded
 * @param warningsLastHour warning events seen in the last hour
 * @param workloadsNotReady workloads (all five controller kinds) whose health is not OK or Paused
 */
public record ClusterSummary(int nodesReady, int nodesTotal, int gpuAllocatable, int gpuRequested, int podsRunning,
                             int podsPending, int podsFailed, int podsSucceeded, int warningsLastHour,
                             int workloadsNotReady) {

    /** Nothing known yet. */
    public static final ClusterSummary EMPTY = new ClusterSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Computes the summary from the current rows. */
    public static ClusterSummary of(Collection<NodeRow> nodes, Collection<PodRow> pods, Collection<EventRow> events,
                                    Collection<WorkloadRow> workloads, Instant now) {
        int ready = 0;
        int gpuAllocatable = 0;
        for (NodeRow n : nodes) {
            if (n.ready()) {
                ready++;
            }
            gpuAllocatable += n.gpuAllocatable();
        }
        int running = 0, pending = 0, failed = 0, succeeded = 0, gpuRequested = 0;
        for (PodRow p : pods) {
            if (PodKind.health(p).state() == HealthState.FAILED) {
                failed++;
            } else {
                switch (p.phase()) {
                    case "Running" -> running++;
                    case "Pending" -> pending++;
                    case "Succeeded" -> succeeded++;
                    default -> { }
                }
            }
            if (p.active()) {
                gpuRequested += p.gpus();
            }
        }
        Instant hourAgo = now.minus(Duration.ofHours(1));
        int warnings = 0;
        for (EventRow e : events) {
            if (e.warning() && e.last() != null && e.last().isAfter(hourAgo)) {
                warnings++;
            }
        }
        int notReady = 0;
        for (WorkloadRow w : workloads) {
            HealthState s = w.health().state();
            if (s != HealthState.OK && s != HealthState.PAUSED) {
                notReady++;
            }
        }
        return new ClusterSummary(ready, nodes.size(), gpuAllocatable, gpuRequested, running, pending, failed, succeeded,
                warnings, notReady);
    }

    /** Total pods counted. */
    public int podsTotal() {
        return podsRunning + podsPending + podsFailed + podsSucceeded;
    }

    /** How bad things are, higher is worse; orders the fleet worst first. */
    public int severity() {
        return (nodesTotal - nodesReady) * 50 + podsFailed * 10 + workloadsNotReady * 10 + warningsLastHour;
    }

}
