package dev.pilothouse.plugins.clusters.actions;

import dev.pilothouse.sdk.action.JsonBody;

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
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code rollout-pause} and {@code rollout-resume} of a Deployment, as kubectl sends them. objectpauser.go /
 * objectresumer.go flip {@code spec.paused} on the decoded Deployment and rollout_pause.go / rollout_resume.go send
 * the two-way strategic merge patch between before and after (pkg/cmd/set/helper.go CalculatePatch). Pausing yields
 * {@code {"spec":{"paused":true}}}. Resuming sets {@code paused} to false, and because the field is
 * {@code json:"paused,omitempty"} in apps/v1 DeploymentSpec the "after" JSON has no {@code paused} at all, so the
 * patch kubectl really sends is {@code {"spec":{"paused":null}}} (which the server reads as false, the default).
 */
final class PauseResumeAction implements Action {

    private final boolean pause;

    private PauseResumeAction(boolean pause) {
        this.pause = pause;
    }

    static PauseResumeAction pause() {
        return new PauseResumeAction(true);
    }

    static PauseResumeAction resume() {
        return new PauseResumeAction(false);
    }

    @Override
    public String id() {
        return pause ? "rollout-pause" : "rollout-resume";
    }

    @Override
    public String label() {
        return pause ? "Pause rollout" : "Resume rollout";
    }

    /** Neither touches running pods by itself; resuming may start a pending rollout, which the verification follows. */
    @Override
    public DangerLevel danger() {
        return DangerLevel.LOW;
    }

    @Override
    public Set<GroupVersionKind> kinds() {
        return Set.of(Workloads.DEPLOYMENT);
    }

    @Override
    public Availability availability(KubeObject deployment) {
        boolean paused = Workloads.paused(deployment);
        if (pause && paused) {
            return Availability.unavailable("The deployment is already paused");
        }
        if (!pause && !paused) {
            return Availability.unavailable("The deployment is not paused");
        }
        return Availability.yes();
    }

    @Override
    public ActionPlan plan(PlanContext context) throws ActionException {
        KubeObject deployment = context.object();
        Workloads.require(availability(deployment));
        String body = JsonBody.write(JsonBody.object("spec", JsonBody.object("paused", pause ? Boolean.TRUE : null)));
        String summary = pause
                ? "Pause " + Workloads.named(deployment) + ": template changes are recorded but not rolled out"
                : "Resume " + Workloads.named(deployment) + ": template changes made while paused roll out now";
        Function<KubeObject, CheckResult> check = pause ? PauseResumeAction::pauseObserved : RolloutStatus::of;
        return new ActionPlan(summary,
                List.of(new Mutation.Patch(context.target(), PatchType.STRATEGIC_MERGE, body, "")),
                new Verification(pause ? "pause observed" : "rollout complete", Duration.ofMinutes(pause ? 2 : 10),
                        check),
                new ActionPlan.UndoHint(pause ? "rollout-resume" : "rollout-pause", Map.of()));
    }

    /** A pause has taken effect once the controller has observed the paused spec. */
    static CheckResult pauseObserved(KubeObject deployment) {
        if (deployment.generation() > deployment.number("status", "observedGeneration")) {
            return CheckResult.waiting("Waiting for deployment spec update to be observed...");
        }
        return CheckResult.done("deployment \"" + deployment.name() + "\" paused");
    }
}
