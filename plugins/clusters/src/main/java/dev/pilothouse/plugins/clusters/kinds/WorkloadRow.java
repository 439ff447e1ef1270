package dev.pilothouse.plugins.clusters.kinds;

import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.kube.Row;

import java.time.Instant;

/**
 * One row of the workloads table, whatever the controller kind.
 *
 * @param uid       metadata.uid
 * @param namespace namespace
 * @param name      name
 * @param kind      Deployment, StatefulSet, DaemonSet, Job or CronJob
 * @param ready     ready or succeeded count
 * @param desired   desired count
 * @param health    health from the kind's rollout logic (computed at projection: pure)
 * @param images    container images, comma separated
 * @param created   creation time
 */
public record WorkloadRow(String uid, String namespace, String name, String kind, int ready, int desired, Health health,
                          String images, Instant created) implements Row {
}
