package dev.pilothouse.plugins.mlworkloads.actions;

import dev.pilothouse.sdk.action.JsonBody;

import dev.pilothouse.plugins.mlworkloads.pipelines.ArgoWorkflows;
import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.Availability;
import dev.pilothouse.sdk.action.DangerLevel;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.action.PatchType;
import dev.pilothouse.sdk.action.PlanContext;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code workflow-suspend}: {@code {"spec":{"suspend":true}}} as a merge patch. {@code argo suspend} reads the
 * workflow, sets {@code spec.suspend = true} and updates the whole object (retrying on conflicts); the merge patch
 * makes the same change without a read-modify-write race. Steps already running finish; no new step starts until
 * {@code workflow-resume}. Like argo, a finished workflow is refused.
 */
final class SuspendWorkflowAction implements Action {

    @Override
    public String id() {
        return "workflow-suspend";
    }

    @Override
    public String label() {
        return "Suspend";
    }

    @Override
    public DangerLevel danger() {
        return DangerLevel.LOW;
    }

    @Override
    public Set<GroupVersionKind> kinds() {
        return Set.of(ArgoWorkflows.WORKFLOW);
    }

    @Override
    public Availability availability(KubeObject wf) {
        if (WorkflowState.finished(wf)) {
            return Availability.unavailable("The workflow has already finished (" + WorkflowState.phase(wf) + ")");
        }
        if (WorkflowState.suspended(wf)) {
            return Availability.unavailable("The workflow is already suspended");
        }
        if (!WorkflowState.shutdown(wf).isEmpty()) {
            return Availability.unavailable("The workflow is shutting down (" + WorkflowState.shutdown(wf) + ")");
        }
        return Availability.yes();
    }

    @Override
    public ActionPlan plan(PlanContext context) throws ActionException {
        KubeObject wf = context.object();
        Availability now = availability(wf);
        if (!now.isAvailable()) {
            throw new ActionException(now.reason());
        }
        String body = JsonBody.write(JsonBody.object("spec", JsonBody.object("suspend", true)));
        return new ActionPlan("Suspend " + WorkflowState.named(wf) + ": running steps finish, no new step starts "
                + "until it is resumed",
                List.of(new Mutation.Patch(context.target(), PatchType.MERGE, body, "")),
                null, new ActionPlan.UndoHint("workflow-resume", Map.of()));
    }
}
