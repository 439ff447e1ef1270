package dev.pilothouse.plugins.mlworkloads.actions;

import dev.pilothouse.sdk.action.JsonBody;

import dev.pilothouse.plugins.mlworkloads.pipelines.ArgoWorkflows;
import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionParameter;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.action.Availability;
import dev.pilothouse.sdk.action.DangerLevel;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.action.PlanContext;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code workflow-resubmit}: creates a new Workflow from a finished one ({@link WorkflowResubmission}), optionally
 * with some parameters changed. The original is not touched. Argo itself would resubmit a running workflow too;
 * Pilothouse offers it once the run has finished, so two runs of one pipeline do not compete unnoticed.
 */
final class ResubmitWorkflowAction implements Action {

    static final String PARAMETERS = "parameters";

    @Override
    public String id() {
        return "workflow-resubmit";
    }

    @Override
    public String label() {
        return "Resubmit";
    }

    /** It starts new work but changes nothing that exists: the new run can be stopped like any other. */
    @Override
    public DangerLevel danger() {
        return DangerLevel.LOW;
    }

    @Override
    public Set<GroupVersionKind> kinds() {
        return Set.of(ArgoWorkflows.WORKFLOW);
    }

    @Override
    public List<ActionParameter> parameters() {
        return List.of(ActionParameter.optional(PARAMETERS, "Parameters to change (NAME=VALUE, one per line)",
                ActionParameter.Type.STRING, ""));
    }

    @Override
    public AccessRequirement access() {
        return new AccessRequirement("create", "");
    }

    @Override
    public Availability availability(KubeObject wf) {
        if (!WorkflowState.finished(wf)) {
            return Availability.unavailable("The workflow is still " + WorkflowState.phase(wf)
                    + "; resubmit it once it has finished");
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
        Map<String, String> overrides = ParameterOverrides.parse(context.parameters().getOrDefault(PARAMETERS, ""));
        Map<String, Object> workflow = WorkflowResubmission.of(wf, overrides);
        String generateName = (String) ((Map<?, ?>) workflow.get("metadata")).get("generateName");
        ActionTarget created = new ActionTarget(context.target().cluster(), context.target().gvk(), wf.namespace(), "");
        return new ActionPlan("Resubmit " + WorkflowState.named(wf) + " as a new workflow " + generateName + "…"
                + (overrides.isEmpty() ? "" : " with " + String.join(", ", overrides.keySet().stream()
                        .map(name -> name + "=" + overrides.get(name)).toList())),
                List.of(new Mutation.Create(created, JsonBody.write(workflow))), null, null);
    }
}
