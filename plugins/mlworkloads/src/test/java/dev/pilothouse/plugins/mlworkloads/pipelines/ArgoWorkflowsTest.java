package dev.pilothouse.plugins.mlworkloads.pipelines;

import dev.pilothouse.plugins.mlworkloads.Fixtures;
import dev.pilothouse.plugins.mlworkloads.status.StatusHealth;
import dev.pilothouse.sdk.health.HealthState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ArgoWorkflowsTest {

    @Test
    void aKubeflowRunIsAnArgoWorkflowMarkedKfpWithItsRunName() {
        PipelineRow row = ArgoWorkflows.workflow(Fixtures.load("argo-workflow-kfp-failed.yaml"));
        assertThat(row.engine()).isEqualTo(PipelineEngine.KFP);
        assertThat(row.runName()).isEqualTo("churn-training nightly 2026-03-02");
    }

    @Test
    void aFailedWorkflowIsFailedWithArgosMessageProgressAndDuration() {
        PipelineRow row = ArgoWorkflows.workflow(Fixtures.load("argo-workflow-kfp-failed.yaml"));
        assertThat(row.health().state()).isEqualTo(HealthState.FAILED);
        assertThat(row.health().reason()).isEqualTo("Failed");
        assertThat(row.health().message()).isEqualTo("child 'churn-training-pipeline-7xk2p-3410652412' failed");
        assertThat(row.progress()).hasToString("2/3");
        assertThat(row.duration(Instant.now())).isEqualTo(Duration.ofMinutes(17).plusSeconds(42));
    }

    @Test
    void aPlainRunningWorkflowIsProgressingAndIgnoresConditionTypesItDoesNotKnow() {
        PipelineRow row = ArgoWorkflows.workflow(Fixtures.load("argo-workflow-running.yaml"));
        assertThat(row.engine()).isEqualTo(PipelineEngine.ARGO);
        assertThat(row.runName()).isEmpty();
        assertThat(row.health().state()).isEqualTo(HealthState.PROGRESSING);
        assertThat(row.health().reason()).isEqualTo("Running");
        assertThat(row.progress()).hasToString("1/3");
        assertThat(row.finished()).isNull();
    }

    @Test
    void offloadedNodesWithoutReportedProgressMakeProgressUnknownNotZeroOfZero() {
        PipelineRow row = ArgoWorkflows.workflow(Fixtures.load("argo-workflow-offloaded.yaml"));
        assertThat(row.progress().known()).isFalse();
        assertThat(row.progress()).hasToString("?");
        assertThat(row.health().state()).isEqualTo(HealthState.PROGRESSING);
    }

    @Test
    void offloadedNodesKeepTheProgressTheControllerReported() {
        PipelineRow row = ArgoWorkflows.workflow(Fixtures.load("argo-workflow-offloaded-with-progress.yaml"));
        assertThat(row.progress()).hasToString("1840/5000");
    }

    @Test
    void aWorkflowWaitingAtAnApprovalStepIsPausedAndNamesTheStep() {
        PipelineRow row = ArgoWorkflows.workflow(Fixtures.load("argo-workflow-approval.yaml"));
        assertThat(row.health().state()).isEqualTo(HealthState.PAUSED);
        assertThat(row.health().message()).isEqualTo("waiting at approve");
    }

    @Test
    void aWorkflowWithoutStatusIsUnknownWithAReasonAndNoProgress() {
        PipelineRow row = ArgoWorkflows.workflow(Fixtures.load("argo-workflow-no-status.yaml"));
        assertThat(row.health().state()).isEqualTo(HealthState.UNKNOWN);
        assertThat(row.health().reason()).isEqualTo(StatusHealth.NO_STATUS);
        assertThat(row.health().message()).contains("Argo workflow controller");
        assertThat(row.progress().known()).isFalse();
        assertThat(row.duration(Instant.now())).isNull();
    }

    @Test
    void aCronWorkflowWithAnActiveRunIsProgressingAndHasNoProgressOrDuration() {
        PipelineRow row = ArgoWorkflows.cronWorkflow(Fixtures.load("argo-cronworkflow-active.yaml"));
        assertThat(row.schedule()).isTrue();
        assertThat(row.health().state()).isEqualTo(HealthState.PROGRESSING);
        assertThat(row.health().reason()).isEqualTo("1 running");
        assertThat(row.started()).isEqualTo(Instant.parse("2026-03-02T01:00:00Z"));
        assertThat(row.duration(Instant.now())).isNull();
    }

    @Test
    void aCronWorkflowThatCannotSubmitIsFailedWithArgosMessage() {
        PipelineRow row = ArgoWorkflows.cronWorkflow(Fixtures.load("argo-cronworkflow-submission-error.yaml"));
        assertThat(row.health().state()).isEqualTo(HealthState.FAILED);
        assertThat(row.health().reason()).isEqualTo("SubmissionError");
        assertThat(row.health().message()).contains("drift-report-v2");
    }

    @Test
    void schedulesAreReadFromTheNewListOrTheOldSingleField() {
        assertThat(ArgoWorkflows.schedule(Fixtures.load("argo-cronworkflow-active.yaml"))).isEqualTo("0 2 * * *");
        assertThat(ArgoWorkflows.schedule(Fixtures.load("argo-cronworkflow-submission-error.yaml")))
                .isEqualTo("0 6 * * 1");
    }
}
