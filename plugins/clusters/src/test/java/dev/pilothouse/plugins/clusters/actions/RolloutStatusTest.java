package dev.pilothouse.plugins.clusters.actions;

import dev.pilothouse.sdk.action.CheckResult;
import dev.pilothouse.sdk.kube.KubeObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.workload;
import static org.assertj.core.api.Assertions.assertThat;

/** Each branch of kubectl's rollout-status logic (rollout_status.go), in kubectl's order and words. */
class RolloutStatusTest {

    private static KubeObject deployment(Object... fields) {
        Object[] base = {"metadata.generation", 4, "status.observedGeneration", 4, "spec.replicas", 3,
                "status.replicas", 3, "status.updatedReplicas", 3, "status.availableReplicas", 3};
        Object[] all = new Object[base.length + fields.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(fields, 0, all, base.length, fields.length);
        return workload("Deployment", all);
    }

    @Test
    void aDeploymentWhoseSpecIsNotYetObservedIsWaitingWhateverItsCounts() {
        assertThat(RolloutStatus.of(deployment("metadata.generation", 5)))
                .isEqualTo(CheckResult.waiting("Waiting for deployment spec update to be observed..."));
    }

    @Test
    void aDeploymentPastItsProgressDeadlineHasFailed() {
        KubeObject stuck = deployment("status.updatedReplicas", 1, "status.conditions", List.of(
                Map.of("type", "Progressing", "status", "False", "reason", "ProgressDeadlineExceeded")));

        assertThat(RolloutStatus.of(stuck)).isEqualTo(CheckResult.failed("deployment \"web\" exceeded its progress "
                + "deadline"));
    }

    @Test
    void aDeploymentWithFewerUpdatedThanDesiredReplicasIsUpdating() {
        assertThat(RolloutStatus.of(deployment("status.updatedReplicas", 1)).message())
                .isEqualTo("Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been "
                        + "updated...");
    }

    @Test
    void aDeploymentWithOldReplicasLeftIsWaitingForThemToTerminate() {
        assertThat(RolloutStatus.of(deployment("status.replicas", 4)).message())
                .isEqualTo("Waiting for deployment \"web\" rollout to finish: 1 old replicas are pending "
                        + "termination...");
    }

    @Test
    void aDeploymentWithUpdatedButUnavailableReplicasIsWaitingForAvailability() {
        CheckResult result = RolloutStatus.of(deployment("status.availableReplicas", 2));

        assertThat(result.status()).isEqualTo(CheckResult.Status.WAITING);
        assertThat(result.message()).isEqualTo("Waiting for deployment \"web\" rollout to finish: 2 of 3 updated "
                + "replicas are available...");
    }

    @Test
    void aDeploymentWithEveryReplicaUpdatedAndAvailableIsDone() {
        assertThat(RolloutStatus.of(deployment()))
                .isEqualTo(CheckResult.done("deployment \"web\" successfully rolled out"));
        assertThat(RolloutStatus.of(deployment("spec.replicas", 0, "status.replicas", 0, "status.updatedReplicas", 0,
                "status.availableReplicas", 0)).status()).isEqualTo(CheckResult.Status.DONE);
    }

    @Test
    void aDaemonSetRollsOutNodeByNode() {
        Object[] base = {"metadata.generation", 2, "status.observedGeneration", 2, "status.desiredNumberScheduled", 4};
        assertThat(RolloutStatus.of(workload("DaemonSet", "metadata.generation", 3, "status.observedGeneration", 2))
                .message()).isEqualTo("Waiting for daemon set spec update to be observed...");
        assertThat(RolloutStatus.of(daemonSet(base, "status.updatedNumberScheduled", 2)).message())
                .isEqualTo("Waiting for daemon set \"web\" rollout to finish: 2 out of 4 new pods have been updated...");
        assertThat(RolloutStatus.of(daemonSet(base, "status.updatedNumberScheduled", 4, "status.numberAvailable", 3))
                .message()).isEqualTo("Waiting for daemon set \"web\" rollout to finish: 3 of 4 updated pods are "
                + "available...");
        assertThat(RolloutStatus.of(daemonSet(base, "status.updatedNumberScheduled", 4, "status.numberAvailable", 4)))
                .isEqualTo(CheckResult.done("daemon set \"web\" successfully rolled out"));
        assertThat(RolloutStatus.of(workload("DaemonSet", "spec.updateStrategy.type", "OnDelete")).status())
                .isEqualTo(CheckResult.Status.DONE);
    }

    private static KubeObject daemonSet(Object[] base, Object... fields) {
        Object[] all = new Object[base.length + fields.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(fields, 0, all, base.length, fields.length);
        return workload("DaemonSet", all);
    }

    @Test
    void aStatefulSetWaitsForObservationReadinessAndItsPartition() {
        assertThat(RolloutStatus.of(workload("StatefulSet", "metadata.generation", 1)).message())
                .as("observedGeneration 0 means never observed")
                .isEqualTo("Waiting for statefulset spec update to be observed...");
        assertThat(RolloutStatus.of(statefulSet("status.readyReplicas", 1)).message())
                .isEqualTo("Waiting for 2 pods to be ready...");
        assertThat(RolloutStatus.of(statefulSet("spec.updateStrategy.rollingUpdate.partition", 1,
                "status.updatedReplicas", 1)).message())
                .isEqualTo("Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...");
        assertThat(RolloutStatus.of(statefulSet("spec.updateStrategy.rollingUpdate.partition", 0,
                "status.updatedReplicas", 3)))
                .isEqualTo(CheckResult.done("partitioned roll out complete: 3 new pods have been updated..."));
        assertThat(RolloutStatus.of(statefulSet("status.updateRevision", "web-2", "status.currentRevision", "web-1",
                "status.updatedReplicas", 1)).message())
                .isEqualTo("waiting for statefulset rolling update to complete 1 pods at revision web-2...");
        assertThat(RolloutStatus.of(statefulSet("status.updateRevision", "web-2", "status.currentRevision", "web-2",
                "status.currentReplicas", 3)))
                .isEqualTo(CheckResult.done("statefulset rolling update complete 3 pods at revision web-2..."));
    }

    private static KubeObject statefulSet(Object... fields) {
        Object[] base = {"metadata.generation", 2, "status.observedGeneration", 2, "spec.replicas", 3,
                "status.readyReplicas", 3, "spec.updateStrategy.type", "RollingUpdate"};
        Object[] all = new Object[base.length + fields.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(fields, 0, all, base.length, fields.length);
        return workload("StatefulSet", all);
    }

    @Test
    void otherKindsHaveNoRolloutToWaitFor() {
        assertThat(RolloutStatus.of(workload("Job")).status()).isEqualTo(CheckResult.Status.DONE);
    }
}
