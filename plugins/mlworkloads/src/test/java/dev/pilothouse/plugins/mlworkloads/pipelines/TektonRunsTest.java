package dev.pilothouse.plugins.mlworkloads.pipelines;

import dev.pilothouse.plugins.mlworkloads.Fixtures;
import dev.pilothouse.sdk.health.HealthState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TektonRunsTest {

    @Test
    void aRunningPipelineRunIsProgressingWithTaskCountsFromTheSucceededMessage() {
        PipelineRow row = TektonRuns.pipelineRun(Fixtures.load("tekton-pipelinerun-running.yaml"));
        assertThat(row.engine()).isEqualTo(PipelineEngine.TEKTON);
        assertThat(row.phase()).isEqualTo("Running");
        assertThat(row.health().state()).isEqualTo(HealthState.PROGRESSING);
        assertThat(row.progress()).hasToString("2/5");
    }

    @Test
    void aFailedPipelineRunIsFailedAndCountsSkippedTasksAsDone() {
        PipelineRow row = TektonRuns.pipelineRun(Fixtures.load("tekton-pipelinerun-failed.yaml"));
        assertThat(row.health().state()).isEqualTo(HealthState.FAILED);
        assertThat(row.health().reason()).isEqualTo("Failed");
        assertThat(row.progress()).hasToString("4/4");
        assertThat(row.finished()).isNotNull();
    }

    @Test
    void aCancelledPipelineRunIsPausedNotFailed() {
        PipelineRow row = TektonRuns.pipelineRun(Fixtures.load("tekton-pipelinerun-cancelled.yaml"));
        assertThat(row.health().state()).isEqualTo(HealthState.PAUSED);
        assertThat(row.health().reason()).isEqualTo("Cancelled");
    }

    @Test
    void aPendingPipelineRunWithoutStatusIsPausedUntilReleased() {
        PipelineRow row = TektonRuns.pipelineRun(Fixtures.load("tekton-pipelinerun-pending.yaml"));
        assertThat(row.health().state()).isEqualTo(HealthState.PAUSED);
        assertThat(row.health().reason()).isEqualTo("PipelineRunPending");
        assertThat(row.progress().known()).isFalse();
    }

    @Test
    void aSucceededTaskRunIsOkWithItsStepsCounted() {
        PipelineRow row = TektonRuns.taskRun(Fixtures.load("tekton-taskrun-succeeded.yaml"));
        assertThat(row.kind()).isEqualTo("TaskRun");
        assertThat(row.health().state()).isEqualTo(HealthState.OK);
        assertThat(row.progress()).hasToString("2/2");
    }
}
