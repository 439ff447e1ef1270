package dev.pilothouse.plugins.clusters.kinds;

import dev.pilothouse.sdk.kube.Row;

import java.time.Instant;

/**
 * The slim row of a Pod.
 *
 * @param uid             metadata.uid
 * @param namespace       namespace
 * @param name            name
 * @param phase           status.phase
 * @param status          what kubectl shows in STATUS (CrashLoopBackOff, ContainerCreating, Completed...)
 * @param readyContainers containers ready
 * @param containers      containers in total
 * @param restarts        restarts summed over containers
 * @param node            spec.nodeName, empty when unscheduled
 * @param created         creation time
 * @param lastTermination reason of the last termination of any container (OOMKilled, Error), empty if none
 * @param gpus            GPUs requested
 */
public record PodRow(String uid, String namespace, String name, String phase, String status, int readyContainers,
                     int containers, int restarts, String node, Instant created, String lastTermination, int gpus)
        implements Row {

    /** Whether the pod still holds its resources (scheduled and not finished). */
    public boolean active() {
        return !phase.equals("Succeeded") && !phase.equals("Failed");
    }

    /** {@code 1/2}. */
    public String ready() {
        return readyContainers + "/" + containers;
    }
}
