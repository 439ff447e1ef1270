package dev.pilothouse.plugins.mlworkloads.pipelines.run;

import dev.pilothouse.sdk.health.HealthState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One step of a run as the run view shows it: a box of the graph, and what the step pane and the log need.
 *
 * @param id         the graph node id (Argo node id, Tekton pipeline task name, TaskRun step name)
 * @param label      what people call the step
 * @param type       the engine's node type (Pod, Retry, Suspend, TaskRun, Step...)
 * @param phase      the engine's phase or reason, such as {@code Failed}
 * @param state      the phase as one health state, for the box colour
 * @param started    when it started; null if not yet
 * @param finished   when it finished; null while it runs
 * @param retries    attempts after the first one
 * @param message    the engine's message (an exit code, an error); empty when none
 * @param logSources where the step's log is: the pods of its attempts, newest last (empty when none ran)
 */
public record RunStep(String id, String label, String type, String phase, HealthState state, Instant started,
                      Instant finished, int retries, String message, List<LogSource> logSources) {

    public RunStep {
        logSources = List.copyOf(logSources);
        message = message == null ? "" : message;
    }

    /**
     * Where a log can be read, once the pod is known.
     *
     * @param nodeId     the Argo node id the pod carries in its {@code workflows.argoproj.io/node-id} annotation;
     *                   empty when the pod is named directly
     * @param pod        the pod's name; empty until looked up by node id
     * @param containers the containers with the step's own output, in order ({@code main}; {@code step-*})
     * @param label      how a chooser names this source ("attempt 2", "step-train")
     * @param focus      the container to show first: the step that failed or runs; empty for the first
     */
    public record LogSource(String nodeId, String pod, List<String> containers, String label, String focus) {
        public LogSource {
            containers = List.copyOf(containers);
            focus = focus == null ? "" : focus;
        }
    }

    /** How long the step ran, or has run until {@code now}; null if not started. */
    public Duration duration(Instant now) {
        if (started == null) {
            return null;
        }
        return Duration.between(started, finished != null ? finished : now);
    }

    /** Maps an engine phase to a box colour. */
    static HealthState stateOf(String phase) {
        return switch (phase) {
            case "Succeeded", "Completed" -> HealthState.OK;
            case "Failed", "Error", "TaskRunTimeout", "PipelineRunTimeout", "CouldntGetTask" -> HealthState.FAILED;
            case "Running", "Started" -> HealthState.PROGRESSING;
            case "Skipped", "Omitted", "Cancelled", "TaskRunCancelled" -> HealthState.PAUSED;
            default -> HealthState.UNKNOWN;
        };
    }
}
