package dev.pilothouse.plugins.clusters.kinds;

import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The five workload kinds as one row type, so the workloads view merges them into one table. Health follows each
 * controller's own notion of a finished rollout (kubectl rollout status for Deployments, StatefulSets, DaemonSets;
 * conditions for Jobs).
 */
public final class WorkloadKinds {

    public static final GroupVersionKind STATEFUL_SET = new GroupVersionKind("apps", "v1", "StatefulSet", "statefulsets");
    public static final GroupVersionKind DAEMON_SET = new GroupVersionKind("apps", "v1", "DaemonSet", "daemonsets");
    public static final GroupVersionKind JOB = new GroupVersionKind("batch", "v1", "Job", "jobs");
    public static final GroupVersionKind CRON_JOB = new GroupVersionKind("batch", "v1", "CronJob", "cronjobs");

    private WorkloadKinds() {
    }

    /** Deployments, StatefulSets, DaemonSets, Jobs and CronJobs, in that order. */
    public static List<ResourceKind<WorkloadRow>> all() {
        return List.of(
                kind(DeploymentKind.GVK, WorkloadKinds::deployment, "deploy"),
                kind(STATEFUL_SET, WorkloadKinds::statefulSet, "sts"),
                kind(DAEMON_SET, WorkloadKinds::daemonSet, "ds"),
                kind(JOB, WorkloadKinds::job, "job"),
                kind(CRON_JOB, WorkloadKinds::cronJob, "cj"));
    }

    private static ResourceKind<WorkloadRow> kind(GroupVersionKind gvk, Function<KubeObject, WorkloadRow> projection,
                                                  String alias) {
        return ResourceKind.builder(gvk, projection)
                .aliases(alias)
                .health(WorkloadRow::health)
                .column(Column.<WorkloadRow>builder("kind", "Kind", WorkloadRow::kind).width(110).build())
                .column(Column.<WorkloadRow>builder("namespace", "Namespace", WorkloadRow::namespace).width(130).build())
                .column(Column.<WorkloadRow>builder("name", "Name", WorkloadRow::name).width(260).build())
                .column(Column.<WorkloadRow>builder("ready", "Ready", WorkloadRow::ready)
                        .text(r -> r.desired() < 0 ? "" : r.ready() + "/" + r.desired()).align(Column.Align.CENTER)
                        .width(70).build())
                .column(Column.<WorkloadRow>builder("status", "Status", r -> r.health().reason())
                        .tone(r -> r.health().state().tone())
                        .comparator(Comparator.comparing((WorkloadRow r) -> r.health().state())
                                .thenComparing(WorkloadRow::namespace).thenComparing(WorkloadRow::name))
                        .width(230).build())
                .column(Column.<WorkloadRow>builder("images", "Images", WorkloadRow::images).width(300).build())
                .column(KindColumns.age(WorkloadRow::created))
                .build();
    }

    private static WorkloadRow row(KubeObject o, String kind, int ready, int desired, Health health, String... imagePath) {
        String images = o.objects(imagePath).stream().map(c -> c.string("image")).filter(s -> !s.isEmpty())
                .distinct().collect(Collectors.joining(", "));
        return new WorkloadRow(o.uid(), o.namespace().intern(), o.name(), kind, ready, desired, health, images,
                o.creationTimestamp().orElse(null));
    }

    static WorkloadRow deployment(KubeObject o) {
        DeploymentRow d = DeploymentKind.project(o);
        return row(o, "Deployment", d.ready(), d.desired(), DeploymentKind.health(d), "spec", "template", "spec", "containers");
    }

    static WorkloadRow statefulSet(KubeObject o) {
        int desired = o.hasNumber("spec", "replicas") ? (int) o.number("spec", "replicas") : 1;
        int ready = (int) o.number("status", "readyReplicas");
        int updated = (int) o.number("status", "updatedReplicas");
        Health health;
        if (o.generation() > o.number("status", "observedGeneration")) {
            health = Health.of(HealthState.PROGRESSING, "Waiting for controller");
        } else if (!o.string("status", "updateRevision").isEmpty()
                && !o.string("status", "updateRevision").equals(o.string("status", "currentRevision"))
                && updated < desired) {
            health = Health.of(HealthState.PROGRESSING, updated + " of " + desired + " updated");
        } else if (ready < desired) {
            health = ready == 0 && desired > 0 ? Health.of(HealthState.FAILED, "Unavailable", "no replica is ready")
                    : Health.of(HealthState.DEGRADED, ready + " of " + desired + " ready");
        } else {
            health = Health.of(HealthState.OK, "Ready");
        }
        return row(o, "StatefulSet", ready, desired, health, "spec", "template", "spec", "containers");
    }

    static WorkloadRow daemonSet(KubeObject o) {
        int desired = (int) o.number("status", "desiredNumberScheduled");
        int ready = (int) o.number("status", "numberReady");
        int updated = (int) o.number("status", "updatedNumberScheduled");
        int available = (int) o.number("status", "numberAvailable");
        Health health;
        if (o.generation() > o.number("status", "observedGeneration")) {
            health = Health.of(HealthState.PROGRESSING, "Waiting for controller");
        } else if (updated < desired) {
            health = Health.of(HealthState.PROGRESSING, updated + " of " + desired + " updated");
        } else if (available < desired) {
            health = Health.of(HealthState.DEGRADED, available + " of " + desired + " available");
        } else {
            health = Health.of(HealthState.OK, "Ready");
        }
        return row(o, "DaemonSet", ready, desired, health, "spec", "template", "spec", "containers");
    }

    static WorkloadRow job(KubeObject o) {
        int completions = o.hasNumber("spec", "completions") ? (int) o.number("spec", "completions") : 1;
        int succeeded = (int) o.number("status", "succeeded");
        Health health;
        var failed = o.condition("Failed").filter(c -> "True".equals(c.string("status")));
        if (failed.isPresent()) {
            health = Health.of(HealthState.FAILED, failed.get().string("reason").isEmpty() ? "Failed"
                    : failed.get().string("reason"), failed.get().string("message"));
        } else if (o.condition("Complete").filter(c -> "True".equals(c.string("status"))).isPresent()) {
            health = Health.of(HealthState.OK, "Complete");
        } else if (o.flag("spec", "suspend")) {
            health = Health.of(HealthState.PAUSED, "Suspended");
        } else {
            long active = o.number("status", "active");
            long failures = o.number("status", "failed");
            health = Health.of(failures > 0 ? HealthState.DEGRADED : HealthState.PROGRESSING,
                    active + " running" + (failures > 0 ? ", " + failures + " failed" : ""));
        }
        return row(o, "Job", succeeded, completions, health, "spec", "template", "spec", "containers");
    }

    static WorkloadRow cronJob(KubeObject o) {
        int active = o.objects("status", "active").size();
        Health health = o.flag("spec", "suspend") ? Health.of(HealthState.PAUSED, "Suspended")
                : active > 0 ? Health.of(HealthState.PROGRESSING, active + " active")
                : Health.of(HealthState.OK, "Scheduled " + o.string("spec", "schedule"));
        return row(o, "CronJob", active, -1, health, "spec", "jobTemplate", "spec", "template", "spec", "containers");
    }
}
