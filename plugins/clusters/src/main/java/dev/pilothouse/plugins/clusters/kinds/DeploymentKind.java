package dev.pilothouse.plugins.clusters.kinds;

import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;

/** Deployments, with health following kubectl's rollout-status logic. */
public final class DeploymentKind {

    public static final GroupVersionKind GVK = new GroupVersionKind("apps", "v1", "Deployment", "deployments");

    private DeploymentKind() {
    }

    public static ResourceKind<DeploymentRow> kind() {
        return ResourceKind.builder(GVK, DeploymentKind::project)
                .aliases("deploy", "deployment")
                .health(DeploymentKind::health)
                .column(Column.<DeploymentRow>builder("namespace", "Namespace", DeploymentRow::namespace).width(130).build())
                .column(Column.<DeploymentRow>builder("name", "Name", DeploymentRow::name).width(240).build())
                .column(Column.<DeploymentRow>builder("ready", "Ready", DeploymentRow::ready)
                        .text(r -> r.ready() + "/" + r.desired()).width(70).build())
                .column(Column.<DeploymentRow>builder("status", "Rollout", r -> health(r).reason())
                        .tone(r -> health(r).state().tone()).width(200).build())
                .build();
    }

    public static DeploymentRow project(KubeObject d) {
        boolean deadline = d.condition("Progressing").map(c -> "ProgressDeadlineExceeded".equals(c.string("reason")))
                .orElse(false);
        int desired = d.hasNumber("spec", "replicas") ? (int) d.number("spec", "replicas") : 1;
        return new DeploymentRow(d.uid(), d.namespace().intern(), d.name(), desired,
                (int) d.number("status", "readyReplicas"), (int) d.number("status", "updatedReplicas"),
                (int) d.number("status", "availableReplicas"), (int) d.number("status", "replicas"), d.generation(),
                d.number("status", "observedGeneration"), d.flag("spec", "paused"), deadline,
                d.creationTimestamp().orElse(null));
    }

    /** kubectl rollout status, as a health value. */
    public static Health health(DeploymentRow r) {
        if (r.paused()) {
            return Health.of(HealthState.PAUSED, "Paused");
        }
        if (r.generation() > r.observedGeneration()) {
            return Health.of(HealthState.PROGRESSING, "Waiting for controller");
        }
        if (r.progressDeadline()) {
            return Health.of(HealthState.FAILED, "ProgressDeadlineExceeded");
        }
        if (r.updated() < r.desired()) {
            return Health.of(HealthState.PROGRESSING, r.updated() + " of " + r.desired() + " updated");
        }
        if (r.total() > r.updated()) {
            return Health.of(HealthState.PROGRESSING, (r.total() - r.updated()) + " old terminating");
        }
        if (r.available() < r.updated()) {
            return r.available() == 0 && r.desired() > 0
                    ? Health.of(HealthState.FAILED, "Unavailable", "no replica is available")
                    : Health.of(HealthState.DEGRADED, r.available() + " of " + r.updated() + " available");
        }
        return Health.of(HealthState.OK, "Available");
    }
}
