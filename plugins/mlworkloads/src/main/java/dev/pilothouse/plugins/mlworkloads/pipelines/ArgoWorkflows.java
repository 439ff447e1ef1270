package dev.pilothouse.plugins.mlworkloads.pipelines;

import dev.pilothouse.plugins.mlworkloads.status.Condition;
import dev.pilothouse.plugins.mlworkloads.status.Progress;
import dev.pilothouse.plugins.mlworkloads.status.StatusHealth;
import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Status adapters for Argo Workflows and CronWorkflows (argoproj.io/v1alpha1). */
public final class ArgoWorkflows {

    public static final GroupVersionKind WORKFLOW =
            new GroupVersionKind("argoproj.io", "v1alpha1", "Workflow", "workflows");
    public static final GroupVersionKind CRON_WORKFLOW =
            new GroupVersionKind("argoproj.io", "v1alpha1", "CronWorkflow", "cronworkflows");

    private static final String CONTROLLER = "The Argo workflow controller";
    private static final Set<String> FINISHED_NODE_PHASES = Set.of("Succeeded", "Failed", "Error", "Skipped", "Omitted");

    private ArgoWorkflows() {
    }

    public static PipelineRow workflow(KubeObject o) {
        return new PipelineRow(o.uid(), o.namespace().intern(), o.name(), "Workflow",
                KubeflowPipelines.engine(o, PipelineEngine.ARGO), KubeflowPipelines.runName(o),
                o.string("status", "phase"), progress(o), o.instant("status", "startedAt").orElse(null),
                o.instant("status", "finishedAt").orElse(null), workflowHealth(o));
    }

    /**
     * The controller's own {@code status.progress} when it counts steps; else counted from the nodes. When the nodes
     * were offloaded to the persistence database there is nothing to count, and "0/0" would claim an empty run.
     */
    static Progress progress(KubeObject o) {
        Progress reported = Progress.parse(o.string("status", "progress"));
        if (reported.known() && reported.total() > 0) {
            return reported;
        }
        var nodes = o.object("status", "nodes").map(KubeObject::raw).orElse(Map.of());
        if (!nodes.isEmpty()) {
            return countPods(o, nodes.keySet());
        }
        if (offloaded(o)) {
            return Progress.UNKNOWN;
        }
        return reported;
    }

    private static Progress countPods(KubeObject o, Set<String> ids) {
        int done = 0;
        int total = 0;
        for (String id : ids) {
            KubeObject node = o.object("status", "nodes", id).orElseThrow();
            if ("Pod".equals(node.string("type"))) {
                total++;
                if (FINISHED_NODE_PHASES.contains(node.string("phase"))) {
                    done++;
                }
            }
        }
        return new Progress(done, total);
    }

    /** Whether the controller moved the node map out of the object (large workflows). */
    public static boolean offloaded(KubeObject o) {
        return !o.string("status", "offloadNodeStatusVersion").isEmpty();
    }

    static Health workflowHealth(KubeObject o) {
        if (!StatusHealth.hasStatus(o)) {
            return StatusHealth.noStatus(CONTROLLER);
        }
        String phase = o.string("status", "phase");
        String message = o.string("status", "message");
        String shutdown = o.string("spec", "shutdown");
        return switch (phase) {
            case "Succeeded" -> Health.of(HealthState.OK, phase, message);
            // A run somebody stopped on purpose is not a failure to page about.
            case "Failed", "Error" -> shutdown.isEmpty() ? Health.of(HealthState.FAILED, phase, message)
                    : Health.of(HealthState.PAUSED, "Stop".equals(shutdown) ? "Stopped" : "Terminated", message);
            case "Running" -> runningHealth(o, shutdown, message);
            case "Pending" -> Health.of(HealthState.PROGRESSING, phase, message);
            case "" -> Health.of(HealthState.PROGRESSING, "Pending", "the controller has not set a phase yet");
            default -> Health.of(HealthState.UNKNOWN, phase, message);
        };
    }

    private static Health runningHealth(KubeObject o, String shutdown, String message) {
        if (!shutdown.isEmpty()) {
            return Health.of(HealthState.PROGRESSING, "Stop".equals(shutdown) ? "Stopping" : "Terminating", message);
        }
        if (o.flag("spec", "suspend")) {
            return Health.of(HealthState.PAUSED, "Suspended", "the workflow was suspended");
        }
        String waitingAt = suspendedNode(o);
        if (!waitingAt.isEmpty()) {
            return Health.of(HealthState.PAUSED, "Suspended", "waiting at " + waitingAt);
        }
        return Health.of(HealthState.PROGRESSING, "Running", message);
    }

    /** The display name of a running suspend step (an approval gate), or empty. */
    private static String suspendedNode(KubeObject o) {
        var nodes = o.object("status", "nodes").map(KubeObject::raw).orElse(Map.of());
        for (String id : nodes.keySet()) {
            KubeObject node = o.object("status", "nodes", id).orElseThrow();
            if ("Suspend".equals(node.string("type")) && "Running".equals(node.string("phase"))) {
                return node.string("displayName").isEmpty() ? id : node.string("displayName");
            }
        }
        return "";
    }

    public static PipelineRow cronWorkflow(KubeObject o) {
        Health health = cronHealth(o);
        String phase = switch (health.state()) {
            case PAUSED -> health.reason();
            case PROGRESSING -> "Active";
            default -> "Scheduled";
        };
        return new PipelineRow(o.uid(), o.namespace().intern(), o.name(), "CronWorkflow",
                KubeflowPipelines.engine(o, PipelineEngine.ARGO), KubeflowPipelines.runName(o), phase, null,
                o.instant("status", "lastScheduledTime").orElse(null), null, health);
    }

    static Health cronHealth(KubeObject o) {
        if (o.flag("spec", "suspend")) {
            return Health.of(HealthState.PAUSED, "Suspended", "no runs are scheduled");
        }
        if (!StatusHealth.hasStatus(o)) {
            return StatusHealth.noStatus(CONTROLLER);
        }
        for (String type : new String[]{"SpecError", "SubmissionError"}) {
            var error = Condition.of(o, type).filter(Condition::isTrue);
            if (error.isPresent()) {
                return Health.of(HealthState.FAILED, type, error.get().message());
            }
        }
        // Argo 3.6 stops a schedule after its stop strategy's condition holds.
        if ("Stopped".equals(o.string("status", "phase"))) {
            return Health.of(HealthState.PAUSED, "Stopped", "the stop strategy ended the schedule");
        }
        int active = o.objects("status", "active").size();
        if (active > 0) {
            return Health.of(HealthState.PROGRESSING, active + " running");
        }
        return Health.of(HealthState.OK, "Scheduled", schedule(o));
    }

    /** {@code spec.schedules} (Argo 3.6+) or the older {@code spec.schedule}. */
    static String schedule(KubeObject o) {
        if (o.get("spec", "schedules").orElse(null) instanceof List<?> list && !list.isEmpty()) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return o.string("spec", "schedule");
    }
}
