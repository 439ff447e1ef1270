package dev.pilothouse.plugins.mlworkloads.actions;

import dev.pilothouse.sdk.action.JsonBody;

import dev.pilothouse.plugins.mlworkloads.pipelines.TektonRuns;
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
import java.util.Optional;
import java.util.Set;

/**
 * {@code pipelinerun-cancel} and {@code taskrun-cancel}: set {@code spec.status} to {@code Cancelled}
 * ({@code TaskRunCancelled} for a TaskRun), as the Tekton docs describe cancelling. This is sent as the merge patch
 * {@code {"spec":{"status":"Cancelled"}}}; {@code tkn pipelinerun cancel} sends the JSON patch
 * {@code [{"op":"replace","path":"/spec/status","value":"Cancelled"}]} instead, which leaves the same object but
 * relies on the API server tolerating "replace" of a field that is usually absent (RFC 6902 says it must exist).
 * Like tkn, a run whose Succeeded condition is no longer Unknown has finished and is refused.
 */
final class CancelTektonRunAction implements Action {

    private static final Duration SETTLE = Duration.ofMinutes(2);

    private final GroupVersionKind gvk;
    private final String cancelled;
    private final String meaning;

    private CancelTektonRunAction(GroupVersionKind gvk, String cancelled, String meaning) {
        this.gvk = gvk;
        this.cancelled = cancelled;
        this.meaning = meaning;
    }

    static CancelTektonRunAction pipelineRun() {
        return new CancelTektonRunAction(TektonRuns.PIPELINE_RUN, "Cancelled",
                "its running TaskRuns are cancelled and its finally tasks do not run");
    }

    static CancelTektonRunAction taskRun() {
        return new CancelTektonRunAction(TektonRuns.TASK_RUN, "TaskRunCancelled", "its running steps are stopped");
    }

    @Override
    public String id() {
        return gvk.kind().toLowerCase(java.util.Locale.ROOT) + "-cancel";
    }

    @Override
    public String label() {
        return "Cancel";
    }

    /** The run ends Cancelled; only a new run repeats its work. */
    @Override
    public DangerLevel danger() {
        return DangerLevel.HIGH;
    }

    @Override
    public Set<GroupVersionKind> kinds() {
        return Set.of(gvk);
    }

    @Override
    public Availability availability(KubeObject run) {
        Optional<KubeObject> succeeded = run.condition("Succeeded");
        if (succeeded.isPresent() && !"Unknown".equals(succeeded.get().string("status"))) {
            String reason = succeeded.get().string("reason");
            return Availability.unavailable("The " + gvk.kind() + " has already finished"
                    + (reason.isEmpty() ? "" : " (" + reason + ")"));
        }
        if (cancelled.equals(run.string("spec", "status"))) {
            return Availability.unavailable("Cancelling was already requested");
        }
        return Availability.yes();
    }

    @Override
    public ActionPlan plan(PlanContext context) throws ActionException {
        KubeObject run = context.object();
        Availability now = availability(run);
        if (!now.isAvailable()) {
            throw new ActionException(now.reason());
        }
        String body = JsonBody.write(JsonBody.object("spec", JsonBody.object("status", cancelled)));
        return new ActionPlan("Cancel " + gvk.kind() + " " + run.namespace() + "/" + run.name() + ": " + meaning,
                List.of(new Mutation.Patch(context.target(), PatchType.MERGE, body, "")),
                new Verification(gvk.kind() + " finished", SETTLE, CancelTektonRunAction::finished), null);
    }

    private static CheckResult finished(KubeObject run) {
        Optional<KubeObject> succeeded = run.condition("Succeeded");
        String status = succeeded.map(c -> c.string("status")).orElse("");
        String reason = succeeded.map(c -> c.string("reason")).orElse("");
        if (status.isEmpty() || status.equals("Unknown")) {
            return CheckResult.waiting("Still running" + (reason.isEmpty() ? "" : " (" + reason + ")"));
        }
        return CheckResult.done("Finished: " + reason);
    }
}
