package dev.pilothouse.plugins.clusters.actions;

import dev.pilothouse.sdk.action.JsonBody;

import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.Availability;
import dev.pilothouse.sdk.action.DangerLevel;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.action.PatchType;
import dev.pilothouse.sdk.action.PlanContext;
import dev.pilothouse.sdk.action.Verification;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * {@code rollout-restart}: what {@code kubectl rollout restart} sends. kubectl (pkg/polymorphichelpers/
 * objectrestarter.go) sets {@code spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"]} to
 * {@code time.Now().Format(time.RFC3339)} and rollout_restart.go sends the two-way strategic merge patch between the
 * object before and after (pkg/cmd/set/helper.go CalculatePatch), which is exactly the one annotation:
 * {@code {"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"…"}}}}}}. The changed
 * template makes the controller replace every pod. The time is whole seconds in UTC ({@code …Z}); kubectl writes its
 * local offset, which names the same instant.
 */
final class RestartAction implements Action {

    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_INSTANT;
    private static final Duration ROLLOUT = Duration.ofMinutes(10);

    @Override
    public String id() {
        return "rollout-restart";
    }

    @Override
    public String label() {
        return "Restart";
    }

    /** Every pod is replaced; with a rolling update the workload keeps serving, but briefly with fewer pods. */
    @Override
    public DangerLevel danger() {
        return DangerLevel.MEDIUM;
    }

    @Override
    public Set<GroupVersionKind> kinds() {
        return Set.of(Workloads.DEPLOYMENT, Workloads.STATEFUL_SET, Workloads.DAEMON_SET);
    }

    @Override
    public Availability availability(KubeObject workload) {
        if (Workloads.paused(workload)) {
            // kubectl's own refusal: a paused Deployment would record the change but never roll it out.
            return Availability.unavailable("can't restart paused deployment (run rollout resume first)");
        }
        return Availability.yes();
    }

    @Override
    public ActionPlan plan(PlanContext context) throws ActionException {
        KubeObject workload = context.object();
        Workloads.require(availability(workload));
        String restartedAt = RFC_3339.format(context.now().truncatedTo(ChronoUnit.SECONDS));
        String current = workload.string("spec", "template", "metadata", "annotations", RESTARTED_AT);
        if (current.equals(restartedAt)) {
            // kubectl computes an empty patch here and refuses with this advice (rollout_restart.go).
            throw new ActionException("if restart has already been triggered within the past second, please wait "
                    + "before attempting to trigger another");
        }
        String body = JsonBody.write(JsonBody.object("spec", JsonBody.object("template", JsonBody.object("metadata",
                JsonBody.object("annotations", JsonBody.object(RESTARTED_AT, restartedAt))))));
        return new ActionPlan("Restart " + Workloads.named(workload) + ": replace every pod (restartedAt "
                + restartedAt + ")",
                List.of(new Mutation.Patch(context.target(), PatchType.STRATEGIC_MERGE, body, "")),
                new Verification("rollout complete", ROLLOUT, RolloutStatus::of), null);
    }
}
