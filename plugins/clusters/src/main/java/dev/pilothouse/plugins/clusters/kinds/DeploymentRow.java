package dev.pilothouse.plugins.clusters.kinds;

import dev.pilothouse.sdk.kube.Row;

import java.time.Instant;

/**
 * The slim row of a Deployment.
 *
 * @param uid                metadata.uid
 * @param namespace          namespace
 * @param name               name
 * @param desired            spec.replicas
 * @param ready              status.readyReplicas
 * @param updated            status.updatedReplicas
 * @param available          status.availableReplicas
 * @param total              status.replicas
 * @param generation         metadata.generation
 * @param observedGeneration status.observedGeneration
 * @param paused             spec.paused
 * @param progressDeadline   whether condition Progressing has reason ProgressDeadlineExceeded
 * @param created            creation time
 */
public record DeploymentRow(String uid, String namespace, String name, int desired, int ready, int updated,
                            int available, int total, long generation, long observedGeneration, boolean paused,
                            boolean progressDeadline, Instant created) implements Row {
}
