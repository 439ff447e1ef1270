package dev.pilothouse.plugins.mlworkloads.actions;

import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.CheckResult;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.action.PatchType;
import dev.pilothouse.sdk.kube.KubeObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.pilothouse.plugins.mlworkloads.actions.Plans.fixture;
import static dev.pilothouse.plugins.mlworkloads.actions.Plans.plan;
import static dev.pilothouse.plugins.mlworkloads.actions.Plans.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cancel sets spec.status as the Tekton docs describe; tkn sends the same value as the JSON patch
 * {@code [{"op":"replace","path":"/spec/status","value":"Cancelled"}]}, which ends in the same object.
 */
class CancelTektonRunActionTest {

    private final KubeObject running = fixture("tekton-pipelinerun-running.yaml");
    private final KubeObject runningTask = with(fixture("tekton-taskrun-succeeded.yaml"),
            List.of(Map.of("type", "Succeeded", "status", "Unknown", "reason", "Running")), "status", "conditions");

    private static Mutation.Patch onlyPatch(ActionPlan plan) {
        assertThat(plan.mutations()).hasSize(1);
        return (Mutation.Patch) plan.mutations().getFirst();
    }

    @Test
    void aRunningPipelineRunIsCancelledThroughItsSpecStatus() throws Exception {
        ActionPlan plan = plan(CancelTektonRunAction.pipelineRun(), running);

        Mutation.Patch patch = onlyPatch(plan);
        assertThat(patch.body()).isEqualTo("{\"spec\":{\"status\":\"Cancelled\"}}");
        assertThat(patch.type()).isEqualTo(PatchType.MERGE);
        assertThat(patch.subresource()).as("spec.status is spec, not the status subresource").isEmpty();
        assertThat(patch.target().display()).isEqualTo("pipelinerun/ml-ci/build-and-train-run-r8x2k");
        assertThat(plan.summary()).isEqualTo("Cancel PipelineRun ml-ci/build-and-train-run-r8x2k: its running "
                + "TaskRuns are cancelled and its finally tasks do not run");
    }

    @Test
    void theMergePatchLeavesTheObjectTknsReplaceLeaves() throws Exception {
        KubeObject afterMerge = Plans.mergePatch(running, onlyPatch(plan(CancelTektonRunAction.pipelineRun(), running)).body());
        KubeObject afterTknReplace = with(running, "Cancelled", "spec", "status");
        assertThat(afterMerge.raw()).isEqualTo(afterTknReplace.raw());
    }

    @Test
    void aRunningTaskRunIsCancelledWithTheTaskRunValue() throws Exception {
        ActionPlan plan = plan(CancelTektonRunAction.taskRun(), runningTask);

        assertThat(onlyPatch(plan).body()).isEqualTo("{\"spec\":{\"status\":\"TaskRunCancelled\"}}");
        assertThat(onlyPatch(plan).target().gvk().kind()).isEqualTo("TaskRun");
    }

    @Test
    void aFinishedRunIsRefusedAsTknRefusesIt() {
        assertThat(CancelTektonRunAction.pipelineRun().availability(fixture("tekton-pipelinerun-cancelled.yaml"))
                .reason()).isEqualTo("The PipelineRun has already finished (Cancelled)");
        assertThat(CancelTektonRunAction.pipelineRun().availability(fixture("tekton-pipelinerun-failed.yaml"))
                .reason()).startsWith("The PipelineRun has already finished (");
        assertThat(CancelTektonRunAction.taskRun().availability(fixture("tekton-taskrun-succeeded.yaml")).reason())
                .isEqualTo("The TaskRun has already finished (Succeeded)");
        assertThatThrownBy(() -> plan(CancelTektonRunAction.taskRun(), fixture("tekton-taskrun-succeeded.yaml")))
                .isInstanceOf(ActionException.class).hasMessageContaining("already finished");
    }

    @Test
    void aPendingRunCanBeCancelledButACancellationIsNotRequestedTwice() {
        assertThat(CancelTektonRunAction.pipelineRun().availability(fixture("tekton-pipelinerun-pending.yaml"))
                .isAvailable()).isTrue();
        assertThat(CancelTektonRunAction.pipelineRun().availability(with(running, "Cancelled", "spec", "status"))
                .reason()).isEqualTo("Cancelling was already requested");
        assertThat(CancelTektonRunAction.pipelineRun().availability(with(running, "StoppedRunFinally", "spec",
                "status")).isAvailable()).as("a graceful stop can be hardened").isTrue();
    }

    @Test
    void theCancellationIsVerifiedByTheRunFinishing() throws Exception {
        var check = plan(CancelTektonRunAction.pipelineRun(), running).verification().check();
        assertThat(check.apply(running).status()).isEqualTo(CheckResult.Status.WAITING);
        assertThat(check.apply(fixture("tekton-pipelinerun-cancelled.yaml")))
                .isEqualTo(CheckResult.done("Finished: Cancelled"));
    }
}
