package dev.pilothouse.plugins.clusters.actions;

import dev.pilothouse.sdk.action.CheckResult;
import dev.pilothouse.sdk.kube.KubeObject;

/**
 * Whether a workload's rollout has finished, decided the way {@code kubectl rollout status} decides it (checked
 * against kubernetes/kubectl pkg/polymorphichelpers/rollout_status.go: DeploymentStatusViewer, DaemonSetStatusViewer,
 * StatefulSetStatusViewer). kubectl's errors become FAILED, its "waiting" lines WAITING, its success DONE; the
 * messages keep kubectl's wording so people who know kubectl recognise them. Pure: the engine's verification calls it
 * on each new state of the target.
 */
public final class RolloutStatus {

    /** The reason the deployment controller gives once progressDeadlineSeconds has passed without progress. */
    static final String TIMED_OUT = "ProgressDeadlineExceeded";

    private RolloutStatus() {
    }

    /** The rollout state of a Deployment, StatefulSet or DaemonSet; other kinds have no rollout to wait for. */
    public static CheckResult of(KubeObject workload) {
        return switch (workload.kind()) {
            case "Deployment" -> deployment(workload);
            case "StatefulSet" -> statefulSet(workload);
            case "DaemonSet" -> daemonSet(workload);
            default -> CheckResult.done(workload.kind() + " has no rollout to wait for");
        };
    }

    static CheckResult deployment(KubeObject d) {
        String name = d.name();
        // Until the controller has seen the latest spec, every other status field describes the previous one.
        if (d.generation() > d.number("status", "observedGeneration")) {
            return CheckResult.waiting("Waiting for deployment spec update to be observed...");
        }
        if (d.condition("Progressing").map(c -> TIMED_OUT.equals(c.string("reason"))).orElse(false)) {
            return CheckResult.failed("deployment \"" + name + "\" exceeded its progress deadline");
        }
        long updated = d.number("status", "updatedReplicas");
        if (d.hasNumber("spec", "replicas") && updated < d.number("spec", "replicas")) {
            return CheckResult.waiting("Waiting for deployment \"" + name + "\" rollout to finish: " + updated
                    + " out of " + d.number("spec", "replicas") + " new replicas have been updated...");
        }
        long replicas = d.number("status", "replicas");
        if (replicas > updated) {
            return CheckResult.waiting("Waiting for deployment \"" + name + "\" rollout to finish: "
                    + (replicas - updated) + " old replicas are pending termination...");
        }
        long available = d.number("status", "availableReplicas");
        if (available < updated) {
            return CheckResult.waiting("Waiting for deployment \"" + name + "\" rollout to finish: " + available
                    + " of " + updated + " updated replicas are available...");
        }
        return CheckResult.done("deployment \"" + name + "\" successfully rolled out");
    }

    static CheckResult daemonSet(KubeObject ds) {
        String name = ds.name();
        String strategy = ds.string("spec", "updateStrategy", "type");
        if (!strategy.isEmpty() && !"RollingUpdate".equals(strategy)) {
            // kubectl gives up here too: with OnDelete, pods change only when somebody deletes them.
            return CheckResult.done("rollout status is only available for RollingUpdate strategy type (this "
                    + "daemon set uses " + strategy + ": its pods change when they are deleted)");
        }
        if (ds.generation() > ds.number("status", "observedGeneration")) {
            return CheckResult.waiting("Waiting for daemon set spec update to be observed...");
        }
        long desired = ds.number("status", "desiredNumberScheduled");
        long updated = ds.number("status", "updatedNumberScheduled");
        if (updated < desired) {
            return CheckResult.waiting("Waiting for daemon set \"" + name + "\" rollout to finish: " + updated
                    + " out of " + desired + " new pods have been updated...");
        }
        long available = ds.number("status", "numberAvailable");
        if (available < desired) {
            return CheckResult.waiting("Waiting for daemon set \"" + name + "\" rollout to finish: " + available
                    + " of " + desired + " updated pods are available...");
        }
        return CheckResult.done("daemon set \"" + name + "\" successfully rolled out");
    }

    static CheckResult statefulSet(KubeObject sts) {
        String strategy = sts.string("spec", "updateStrategy", "type");
        if (!strategy.isEmpty() && !"RollingUpdate".equals(strategy)) {
            return CheckResult.done("rollout status is only available for RollingUpdate strategy type (this "
                    + "stateful set uses " + strategy + ": its pods change when they are deleted)");
        }
        long observed = sts.number("status", "observedGeneration");
        if (observed == 0 || sts.generation() > observed) {
            return CheckResult.waiting("Waiting for statefulset spec update to be observed...");
        }
        boolean hasReplicas = sts.hasNumber("spec", "replicas");
        long replicas = sts.number("spec", "replicas");
        long ready = sts.number("status", "readyReplicas");
        if (hasReplicas && ready < replicas) {
            return CheckResult.waiting("Waiting for " + (replicas - ready) + " pods to be ready...");
        }
        long updated = sts.number("status", "updatedReplicas");
        if (sts.object("spec", "updateStrategy", "rollingUpdate").isPresent()) {
            // A partition keeps the pods below it on the old revision on purpose: only the rest must be updated.
            if (hasReplicas && sts.hasNumber("spec", "updateStrategy", "rollingUpdate", "partition")) {
                long expected = replicas - sts.number("spec", "updateStrategy", "rollingUpdate", "partition");
                if (updated < expected) {
                    return CheckResult.waiting("Waiting for partitioned roll out to finish: " + updated + " out of "
                            + expected + " new pods have been updated...");
                }
            }
            return CheckResult.done("partitioned roll out complete: " + updated + " new pods have been updated...");
        }
        String updateRevision = sts.string("status", "updateRevision");
        String currentRevision = sts.string("status", "currentRevision");
        if (!updateRevision.equals(currentRevision)) {
            return CheckResult.waiting("waiting for statefulset rolling update to complete " + updated
                    + " pods at revision " + updateRevision + "...");
        }
        return CheckResult.done("statefulset rolling update complete " + sts.number("status", "currentReplicas")
                + " pods at revision " + currentRevision + "...");
    }
}
