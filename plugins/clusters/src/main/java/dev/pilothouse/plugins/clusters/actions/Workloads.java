package dev.pilothouse.plugins.clusters.actions;

import dev.pilothouse.plugins.clusters.kinds.DeploymentKind;
import dev.pilothouse.plugins.clusters.kinds.WorkloadKinds;
import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.Availability;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.Locale;

/** The workload kinds the actions act on, and the few facts of their state that decide availability. */
final class Workloads {

    static final GroupVersionKind DEPLOYMENT = DeploymentKind.GVK;
    static final GroupVersionKind STATEFUL_SET = WorkloadKinds.STATEFUL_SET;
    static final GroupVersionKind DAEMON_SET = WorkloadKinds.DAEMON_SET;
    static final GroupVersionKind REPLICA_SET = new GroupVersionKind("apps", "v1", "ReplicaSet", "replicasets");

    /** The annotation the deployment controller stamps on a Deployment and its ReplicaSets. */
    static final String REVISION = "deployment.kubernetes.io/revision";

    private Workloads() {
    }

    static boolean isDeployment(KubeObject object) {
        return DEPLOYMENT.kind().equals(object.kind());
    }

    /** {@code spec.paused}: only Deployments have it. */
    static boolean paused(KubeObject object) {
        return isDeployment(object) && object.flag("spec", "paused");
    }

    /** {@code deployment ml-serving/llama-7b}: how summaries name a workload. */
    static String named(KubeObject object) {
        return object.kind().toLowerCase(Locale.ROOT) + " " + object.namespace() + "/" + object.name();
    }

    /** Planning re-checks availability on the fresh object, so a stale menu cannot slip a refused change through. */
    static void require(Availability availability) throws ActionException {
        if (!availability.isAvailable()) {
            throw new ActionException(availability.reason());
        }
    }
}
