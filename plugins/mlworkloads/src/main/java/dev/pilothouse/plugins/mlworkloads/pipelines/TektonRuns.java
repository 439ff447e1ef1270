package dev.pilothouse.plugins.mlworkloads.pipelines;

import dev.pilothouse.plugins.mlworkloads.status.Condition;
import dev.pilothouse.plugins.mlworkloads.status.Progress;
import dev.pilothouse.plugins.mlworkloads.status.StatusHealth;
import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Status adapters for Tekton PipelineRuns and TaskRuns (tekton.dev/v1): everything hangs on condition Succeeded. */
public final class TektonRuns {

    public static final GroupVersionKind PIPELINE_RUN =
            new GroupVersionKind("tekton.dev", "v1", "PipelineRun", "pipelineruns");
    public static final GroupVersionKind TASK_RUN = new GroupVersionKind("tekton.dev", "v1", "TaskRun", "taskruns");

    private static final String CONTROLLER = "The Tekton pipelines controller";
    private static final String PENDING = "PipelineRunPending";

    /** Reasons of a run that somebody cancelled or stopped: deliberate, so not a failure. */
    private static final Set<String> CANCELLED = Set.of("Cancelled", "PipelineRunCancelled", "TaskRunCancelled",
            "CancelledRunFinally", "StoppedRunFinally");

    /** The controller's summary, e.g. "Tasks Completed: 2 (Failed: 0, Cancelled 0), Incomplete: 5, Skipped: 0". */
    private static final Pattern COMPLETED = Pattern.compile("Tasks Completed: (\\d{1,9})");
    private static final Pattern INCOMPLETE = Pattern.compile("Incomplete: (\\d{1,9})");
    private static final Pattern SKIPPED = Pattern.compile("Skipped: (\\d{1,9})");

    private TektonRuns() {
    }

    public static PipelineRow pipelineRun(KubeObject o) {
        return row(o, "PipelineRun", pipelineRunProgress(o));
    }

    public static PipelineRow taskRun(KubeObject o) {
        return row(o, "TaskRun", taskRunProgress(o));
    }

    private static PipelineRow row(KubeObject o, String kind, Progress progress) {
        String phase = Condition.of(o, "Succeeded").map(c -> c.reasonOr(c.status().name())).orElse("");
        return new PipelineRow(o.uid(), o.namespace().intern(), o.name(), kind,
                KubeflowPipelines.engine(o, PipelineEngine.TEKTON), KubeflowPipelines.runName(o), phase, progress,
                o.instant("status", "startTime").orElse(null), o.instant("status", "completionTime").orElse(null),
                health(o));
    }

    /** Tekton keeps no task count in a field, only in the Succeeded message; tkn reads it from there too. */
    static Progress pipelineRunProgress(KubeObject o) {
        String message = Condition.of(o, "Succeeded").map(Condition::message).orElse("");
        int completed = count(COMPLETED, message);
        if (completed < 0) {
            return Progress.UNKNOWN;
        }
        int incomplete = Math.max(0, count(INCOMPLETE, message));
        int skipped = Math.max(0, count(SKIPPED, message));
        return new Progress(completed + skipped, completed + incomplete + skipped);
    }

    private static int count(Pattern pattern, String message) {
        Matcher m = pattern.matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static Progress taskRunProgress(KubeObject o) {
        var steps = o.objects("status", "steps");
        if (steps.isEmpty()) {
            return Progress.UNKNOWN;
        }
        int done = (int) steps.stream().filter(s -> s.object("terminated").isPresent()).count();
        return new Progress(done, steps.size());
    }

    static Health health(KubeObject o) {
        var succeeded = Condition.of(o, "Succeeded");
        if (succeeded.isEmpty()) {
            if (PENDING.equals(o.string("spec", "status"))) {
                return Health.of(HealthState.PAUSED, PENDING, "the run is held until spec.status is cleared");
            }
            return StatusHealth.hasStatus(o)
                    ? Health.of(HealthState.PROGRESSING, "Started", "no Succeeded condition yet")
                    : StatusHealth.noStatus(CONTROLLER);
        }
        Condition c = succeeded.get();
        return switch (c.status()) {
            case TRUE -> Health.of(HealthState.OK, c.reasonOr("Succeeded"), c.message());
            case FALSE -> CANCELLED.contains(c.reason())
                    ? Health.of(HealthState.PAUSED, c.reason(), c.message())
                    : Health.of(HealthState.FAILED, c.reasonOr("Failed"), c.message());
            case UNKNOWN -> PENDING.equals(c.reason())
                    ? Health.of(HealthState.PAUSED, PENDING, c.message())
                    : Health.of(HealthState.PROGRESSING, c.reasonOr("Running"), c.message());
        };
    }
}
