package dev.pilothouse.plugins.mlworkloads.pipelines;

import dev.pilothouse.plugins.mlworkloads.status.Progress;
import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.kube.Row;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of the pipelines list, whatever the engine, so Argo, Tekton and Kubeflow runs merge into one table.
 *
 * @param uid       metadata.uid
 * @param namespace namespace
 * @param name      metadata.name
 * @param kind      Workflow, CronWorkflow, PipelineRun or TaskRun
 * @param engine    Argo, Tekton or Kubeflow Pipelines
 * @param runName   the run's name as Kubeflow Pipelines shows it; empty for other runs
 * @param phase     the engine's own phase or reason, such as {@code Running}
 * @param progress  finished of all steps; null for schedules, which have no steps
 * @param started   when the run started (for a CronWorkflow: when it last scheduled a run); null if not yet
 * @param finished  when the run finished; null while it runs
 * @param health    health from the kind's status adapter (computed at projection: pure)
 */
public record PipelineRow(String uid, String namespace, String name, String kind, PipelineEngine engine,
                          String runName, String phase, Progress progress, Instant started, Instant finished,
                          Health health) implements Row {

    /** Whether this row is a schedule (CronWorkflow) rather than a run. */
    public boolean schedule() {
        return progress == null;
    }

    /** How long the run took, or has taken until {@code now}; null for schedules and runs not started. */
    public Duration duration(Instant now) {
        if (schedule() || started == null) {
            return null;
        }
        return Duration.between(started, finished != null ? finished : now);
    }
}
