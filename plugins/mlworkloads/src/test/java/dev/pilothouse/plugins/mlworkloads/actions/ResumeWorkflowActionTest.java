package dev.pilothouse.plugins.mlworkloads.actions;

import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
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
 * Resume does what argo resume does (workflow/util ResumeWorkflow): spec.suspend cleared, waiting suspend steps
 * marked Succeeded with a finish time and their supplied outputs defaulted; as one merge patch pinned to the
 * resourceVersion it was planned from when it touches nodes.
 */
class ResumeWorkflowActionTest {

    private final ResumeWorkflowAction resume = new ResumeWorkflowAction();
    private final KubeObject gate = fixture("argo-workflow-suspended-at-gate.yaml");

    private static Mutation.Patch onlyPatch(ActionPlan plan) {
        assertThat(plan.mutations()).hasSize(1);
        return (Mutation.Patch) plan.mutations().getFirst();
    }

    @Test
    void aSuspendedWorkflowWaitingAtAGateIsReleasedAndTheGateApprovedWithItsDefaultOutput() throws Exception {
        ActionPlan plan = plan(resume, gate);

        Mutation.Patch patch = onlyPatch(plan);
        assertThat(patch.type()).isEqualTo(PatchType.MERGE);
        assertThat(patch.subresource()).as("Argo's Workflow CRD has no status subresource").isEmpty();
        assertThat(patch.body()).isEqualTo("{\"metadata\":{\"resourceVersion\":\"48213\"},"
                + "\"spec\":{\"suspend\":null},"
                + "\"status\":{\"nodes\":{\"promote-ranker-k8s2m-3301\":{\"phase\":\"Succeeded\","
                + "\"finishedAt\":\"2026-03-02T14:30:00Z\",\"outputs\":{\"parameters\":["
                + "{\"name\":\"approver\",\"value\":\"on-call\"},{\"name\":\"ticket\",\"value\":\"CHG-1042\"}]}}}}}");
        assertThat(plan.summary()).isEqualTo("Resume workflow ml-pipelines/promote-ranker-k8s2m: approve the waiting "
                + "step 'production-gate'");
        assertThat(plan.undo()).as("an approval cannot be taken back").isNull();
    }

    @Test
    void theServerAppliesThePatchToExactlyTheWaitingStep() throws Exception {
        KubeObject after = Plans.mergePatch(gate, onlyPatch(plan(resume, gate)).body());

        assertThat(after.get("spec", "suspend")).isEmpty();
        assertThat(after.string("status", "nodes", "promote-ranker-k8s2m-3301", "phase")).isEqualTo("Succeeded");
        assertThat(after.object("status", "nodes", "promote-ranker-k8s2m-3301", "outputs", "parameters", "0")
                .orElseThrow().raw()).isEqualTo(Map.of("name", "approver", "value", "on-call"));
        assertThat(after.string("status", "nodes", "promote-ranker-k8s2m-3301", "startedAt"))
                .as("the rest of the node is kept").isEqualTo("2026-03-02T14:09:30Z");
        assertThat(after.string("status", "nodes", "promote-ranker-k8s2m-2093", "phase")).isEqualTo("Running");
        assertThat(after.string("status", "nodes", "promote-ranker-k8s2m-1187", "finishedAt"))
                .isEqualTo("2026-03-02T14:05:00Z");
    }

    @Test
    void anApprovalStepAloneIsOfferedAndApproved() throws Exception {
        KubeObject approval = fixture("argo-workflow-approval.yaml");
        assertThat(resume.availability(approval).isAvailable()).isTrue();

        assertThat(onlyPatch(plan(resume, approval)).body()).isEqualTo("{\"status\":{\"nodes\":{"
                + "\"promote-model-q7rv2-3020839118\":{\"phase\":\"Succeeded\",\"finishedAt\":\"2026-03-02T14:30:00Z\"}}}}");
    }

    @Test
    void aSuspendedWorkflowWithoutWaitingStepsOnlyClearsSuspendWhichSuspendUndoes() throws Exception {
        KubeObject suspended = with(fixture("argo-workflow-running.yaml"), true, "spec", "suspend");

        ActionPlan plan = plan(resume, suspended);
        assertThat(onlyPatch(plan).body()).isEqualTo("{\"spec\":{\"suspend\":null}}");
        assertThat(plan.undo().actionId()).isEqualTo("workflow-suspend");
    }

    @Test
    void aWorkflowNeitherSuspendedNorWaitingOffersNoResume() {
        assertThat(resume.availability(fixture("argo-workflow-running.yaml")).reason())
                .isEqualTo("The workflow is not suspended and no suspend step waits");
        assertThatThrownBy(() -> plan(resume, fixture("argo-workflow-running.yaml")))
                .isInstanceOf(ActionException.class).hasMessageContaining("not suspended");
    }

    @Test
    void offloadedNodesAreNeverPatchedOnlySpecSuspendIsCleared() throws Exception {
        KubeObject offloaded = fixture("argo-workflow-offloaded.yaml");
        assertThat(resume.availability(offloaded).reason()).contains("offloaded or compressed");

        ActionPlan plan = plan(resume, with(offloaded, true, "spec", "suspend"));
        assertThat(onlyPatch(plan).body()).isEqualTo("{\"spec\":{\"suspend\":null}}");
        assertThat(plan.summary()).contains("waiting suspend steps, if any, stay waiting");
    }

    @Test
    void aSuppliedOutputWithoutDefaultIsRefusedAsArgoRefusesIt() {
        KubeObject withoutDefault = with(gate,
                List.of(Map.of("name", "approver", "valueFrom", Map.of("supplied", Map.of()))),
                "status", "nodes", "promote-ranker-k8s2m-3301", "outputs", "parameters");

        assertThatThrownBy(() -> plan(resume, withoutDefault)).isInstanceOf(ActionException.class)
                .hasMessage("Step 'production-gate' waits for output parameter 'approver', which has no default: "
                        + "supply it (argo node set) instead of resuming");
    }
}
