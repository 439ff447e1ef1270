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
 * {@code workflow-resume}: what {@code argo resume} does, as one merge patch ({@link ResumePatch}). Offered when
 * {@code spec.suspend} is true or a suspend step (an approval gate) waits, because argo resume releases both.
 */
final class ResumeWorkflowAction implements Action {

    @Override
    public String id() {
        return "workflow-resume";
    }

    @Override
    public String label() {
        return "Resume";
    }

    /** Resuming may approve a gate (say, promoting a model), which cannot be taken back. */
    @Override
    public DangerLevel danger() {
        return DangerLevel.MEDIUM;
    }

    @Override
    public Set<GroupVersionKind> kinds() {
        return Set.of(ArgoWorkflows.WORKFLOW);
    }

    @Override
    public Availability availability(KubeObject wf) {
        if (WorkflowState.suspended(wf) || !steps(wf).isEmpty()) {
            return Availability.yes();
        }
        if (WorkflowState.nodesHidden(wf)) {
            return Availability.unavailable("The workflow is not suspended, and its node status is offloaded or "
                    + "compressed, so waiting suspend steps cannot be seen (argo resume can load them)");
        }
        return Availability.unavailable("The workflow is not suspended and no suspend step waits");
    }

    @Override
    public ActionPlan plan(PlanContext context) throws ActionException {
        KubeObject wf = context.object();
        Availability now = availability(wf);
        if (!now.isAvailable()) {
            throw new ActionException(now.reason());
        }
        List<WorkflowState.Node> steps = steps(wf);
        String body = JsonBody.write(ResumePatch.of(wf, steps, context.now()));
        return new ActionPlan(summary(wf, steps),
                List.of(new Mutation.Patch(context.target(), PatchType.MERGE, body, "")), null,
                // Clearing spec.suspend is undone by suspending again; an approved step stays approved.
                steps.isEmpty() ? new ActionPlan.UndoHint("workflow-suspend", Map.of()) : null);
    }

    private static List<WorkflowState.Node> steps(KubeObject wf) {
        return WorkflowState.nodesHidden(wf) ? List.of() : WorkflowState.waitingSuspendSteps(wf);
    }

    private static String summary(KubeObject wf, List<WorkflowState.Node> steps) {
        StringBuilder text = new StringBuilder("Resume ").append(WorkflowState.named(wf));
        if (!steps.isEmpty()) {
            text.append(steps.size() == 1 ? ": approve the waiting step " : ": approve the waiting steps ")
                    .append(String.join(", ", steps.stream().map(s -> "'" + s.displayName() + "'").toList()));
        }
        if (WorkflowState.nodesHidden(wf)) {
            text.append(" (its node status is offloaded or compressed: waiting suspend steps, if any, stay waiting)");
        }
        return text.toString();
    }
}
