package dev.pilothouse.plugins.mlworkloads.actions;

import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.CheckResult;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.action.PatchType;
import dev.pilothouse.sdk.kube.KubeObject;
import org.junit.jupiter.api.Test;

import static dev.pilothouse.plugins.mlworkloads.actions.Plans.fixture;
import static dev.pilothouse.plugins.mlworkloads.actions.Plans.plan;
import static dev.pilothouse.plugins.mlworkloads.actions.Plans.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Terminate, stop and suspend send the merge patches argo sends (workflow/util: patchShutdownStrategy for the first
 * two; SuspendWorkflow sets the same field through an update), and are offered only while the workflow has not
 * finished, as argo allows them.
 */
class WorkflowShutdownAndSuspendTest {

    private final KubeObject running = fixture("argo-workflow-running.yaml");
    private final KubeObject failed = fixture("argo-workflow-kfp-failed.yaml");
    private final KubeObject pending = fixture("argo-workflow-no-status.yaml");

    private static Mutation.Patch onlyPatch(ActionPlan plan) {
        assertThat(plan.mutations()).hasSize(1);
        return (Mutation.Patch) plan.mutations().getFirst();
    }

    @Test
    void terminateSendsArgosShutdownMergePatchToTheWorkflowItself() throws Exception {
        ActionPlan plan = plan(WorkflowShutdownAction.terminate(), running);

        Mutation.Patch patch = onlyPatch(plan);
        assertThat(patch.body()).isEqualTo("{\"spec\":{\"shutdown\":\"Terminate\"}}");
        assertThat(patch.type()).isEqualTo(PatchType.MERGE);
        assertThat(patch.subresource()).isEmpty();
        assertThat(patch.target().display()).isEqualTo("workflow/ml-pipelines/nightly-eval-x9q4t");
        assertThat(plan.summary()).isEqualTo("Terminate workflow ml-pipelines/nightly-eval-x9q4t (Running): "
                + "end it at once, without running its exit handlers");
        assertThat(plan.undo()).isNull();
    }

    @Test
    void stopSendsTheStopStrategyAndStillRunsExitHandlers() throws Exception {
        ActionPlan plan = plan(WorkflowShutdownAction.stop(), running);

        assertThat(onlyPatch(plan).body()).isEqualTo("{\"spec\":{\"shutdown\":\"Stop\"}}");
        assertThat(plan.summary()).endsWith("end it, still running its exit handlers");
    }

    @Test
    void suspendSetsSpecSuspendAndNamesResumeAsItsUndo() throws Exception {
        ActionPlan plan = plan(new SuspendWorkflowAction(), running);

        Mutation.Patch patch = onlyPatch(plan);
        assertThat(patch.body()).isEqualTo("{\"spec\":{\"suspend\":true}}");
        assertThat(patch.type()).isEqualTo(PatchType.MERGE);
        assertThat(plan.undo().actionId()).isEqualTo("workflow-resume");
        assertThat(Plans.mergePatch(running, patch.body()).flag("spec", "suspend")).isTrue();
    }

    @Test
    void aRunningOrNotYetStartedWorkflowCanBeTerminatedStoppedAndSuspended() {
        for (KubeObject wf : new KubeObject[] {running, pending}) {
            assertThat(WorkflowShutdownAction.terminate().availability(wf).isAvailable()).isTrue();
            assertThat(WorkflowShutdownAction.stop().availability(wf).isAvailable()).isTrue();
            assertThat(new SuspendWorkflowAction().availability(wf).isAvailable()).isTrue();
        }
    }

    @Test
    void aFinishedWorkflowOffersNoneOfThemAndPlanningSaysWhy() {
        for (var action : new dev.pilothouse.sdk.action.Action[] {WorkflowShutdownAction.terminate(),
                WorkflowShutdownAction.stop(), new SuspendWorkflowAction()}) {
            assertThat(action.availability(failed).reason()).isEqualTo("The workflow has already finished (Failed)");
            assertThatThrownBy(() -> plan(action, failed)).isInstanceOf(ActionException.class)
                    .hasMessage("The workflow has already finished (Failed)");
        }
        KubeObject labelledCompleted = with(running, "true", "metadata", "labels", "workflows.argoproj.io/completed");
        assertThat(new SuspendWorkflowAction().availability(labelledCompleted).isAvailable())
                .as("argo suspend checks the completed label").isFalse();
    }

    @Test
    void aShutdownAlreadyRequestedIsNotRequestedAgainButStopCanBeHardenedToTerminate() {
        KubeObject stopping = with(running, "Stop", "spec", "shutdown");
        assertThat(WorkflowShutdownAction.stop().availability(stopping).reason()).isEqualTo("Stop was already requested");
        assertThat(WorkflowShutdownAction.terminate().availability(stopping).isAvailable()).isTrue();
        assertThat(new SuspendWorkflowAction().availability(stopping).reason())
                .isEqualTo("The workflow is shutting down (Stop)");

        KubeObject terminating = with(running, "Terminate", "spec", "shutdown");
        assertThat(WorkflowShutdownAction.terminate().availability(terminating).reason())
                .isEqualTo("Terminate was already requested");
        assertThat(WorkflowShutdownAction.stop().availability(terminating).reason())
                .isEqualTo("Terminate was already requested");
    }

    @Test
    void aSuspendedWorkflowIsNotSuspendedAgain() {
        KubeObject suspended = with(running, true, "spec", "suspend");
        assertThat(new SuspendWorkflowAction().availability(suspended).reason())
                .isEqualTo("The workflow is already suspended");
    }

    @Test
    void theShutdownIsVerifiedByTheWorkflowEnding() throws Exception {
        var check = plan(WorkflowShutdownAction.terminate(), running).verification().check();
        assertThat(check.apply(running).status()).isEqualTo(CheckResult.Status.WAITING);
        assertThat(check.apply(failed)).isEqualTo(CheckResult.done("The workflow ended Failed"));
    }
}
