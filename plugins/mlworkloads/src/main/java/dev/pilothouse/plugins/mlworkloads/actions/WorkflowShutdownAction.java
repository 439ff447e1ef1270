package dev.pilothouse.plugins.mlworkloads.actions;

import dev.pilothouse.sdk.action.JsonBody;

import dev.pilothouse.plugins.mlworkloads.pipelines.ArgoWorkflows;
import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.Availability;
import dev.pilothouse.sdk.action.CheckResult;
import dev.pilothouse.sdk.action.DangerLevel;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.action.PatchType;
import dev.pilothouse.sdk.action.PlanContext;
import dev.pilothouse.sdk.action.Verification;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code workflow-terminate} and {@code workflow-stop}: the merge patch {@code {"spec":{"shutdown":"Terminate"}}}
 * (or {@code "Stop"}) that {@code argo terminate} / {@code argo stop} send (workflow/util patchShutdownStrategy).
 * Terminate ends the workflow at once and skips its exit handlers; Stop ends it but still runs them. Like argo, both
 * refuse a workflow that has already finished. Argo adds actor labels only for SSO users of its server; a kubeconfig
 * user gets exactly this body.
 */
final class WorkflowShutdownAction implements Action {

    private static final Duration SETTLE = Duration.ofMinutes(3);

    private final String strategy;
    private final String meaning;

    private WorkflowShutdownAction(String strategy, String meaning) {
        this.strategy = strategy;
        this.meaning = meaning;
    }

    static WorkflowShutdownAction terminate() {
        return new WorkflowShutdownAction("Terminate", "end it at once, without running its exit handlers");
    }

    static WorkflowShutdownAction stop() {
        return new WorkflowShutdownAction("Stop", "end it, still running its exit handlers");
    }

    @Override
    public String id() {
        return "workflow-" + strategy.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String label() {
        return strategy;
    }

    /** Neither can be undone: the workflow ends Failed, and only a resubmission runs it again. */
    @Override
    public DangerLevel danger() {
        return DangerLevel.HIGH;
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
        String requested = WorkflowState.shutdown(wf);
        if (requested.equals(strategy) || requested.equals("Terminate")) {
            // Stop after Terminate would only soften a shutdown that is already under way.
            return Availability.unavailable(requested + " was already requested");
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
        String body = JsonBody.write(JsonBody.object("spec", JsonBody.object("shutdown", strategy)));
        return new ActionPlan(strategy + " " + WorkflowState.named(wf) + " (" + WorkflowState.phase(wf) + "): "
                + meaning,
                List.of(new Mutation.Patch(context.target(), PatchType.MERGE, body, "")),
                new Verification("workflow finished", SETTLE, WorkflowShutdownAction::ended), null);
    }

    private static CheckResult ended(KubeObject wf) {
        return WorkflowState.finished(wf) ? CheckResult.done("The workflow ended " + WorkflowState.phase(wf))
                : CheckResult.waiting("The workflow is still " + WorkflowState.phase(wf));
    }
}
