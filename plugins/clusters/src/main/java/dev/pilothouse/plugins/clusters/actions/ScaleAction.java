package dev.pilothouse.plugins.clusters.actions;

import dev.pilothouse.sdk.action.JsonBody;

import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionParameter;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code scale}: what {@code kubectl scale --replicas=N} sends when no precondition is given (pkg/cmd/scale/scale.go
 * passes a nil ScalePrecondition unless --current-replicas or --resource-version is set; pkg/scale/scale.go
 * ScaleSimple then sends the merge patch {@code {"spec":{"replicas":N}}} to the {@code scale} subresource). The
 * scale subresource is what an HPA and RBAC's {@code deployments/scale} grant speak, so the access check asks for
 * {@code patch} on it.
 */
final class ScaleAction implements Action {

    static final String REPLICAS = "replicas";
    private static final Duration SETTLE = Duration.ofMinutes(10);

    @Override
    public String id() {
        return "scale";
    }

    @Override
    public String label() {
        return "Scale";
    }

    /**
     * Recoverable by scaling back. Scaling to 0 stops every pod, which deserves more care, but the SDK's danger is
     * per action, not per plan: the summary says so plainly instead.
     */
    @Override
    public DangerLevel danger() {
        return DangerLevel.MEDIUM;
    }

    @Override
    public Set<GroupVersionKind> kinds() {
        return Set.of(Workloads.DEPLOYMENT, Workloads.STATEFUL_SET, Workloads.REPLICA_SET);
    }

    @Override
    public List<ActionParameter> parameters() {
        return List.of(ActionParameter.required(REPLICAS, "Replicas", ActionParameter.Type.INTEGER));
    }

    @Override
    public AccessRequirement access() {
        return new AccessRequirement("patch", "scale");
    }

    @Override
    public Availability availability(KubeObject workload) {
        if (Workloads.REPLICA_SET.kind().equals(workload.kind())) {
            for (KubeObject owner : workload.objects("metadata", "ownerReferences")) {
                if (owner.flag("controller")) {
                    // The owner would scale it straight back; kubectl allows it, but it is never what was meant.
                    return Availability.unavailable("This replica set is managed by " + owner.string("kind")
                            .toLowerCase(java.util.Locale.ROOT) + " " + owner.string("name") + ": scale that instead");
                }
            }
        }
        return Availability.yes();
    }

    @Override
    public ActionPlan plan(PlanContext context) throws ActionException {
        KubeObject workload = context.object();
        Workloads.require(availability(workload));
        long replicas = replicas(context.parameters().getOrDefault(REPLICAS, ""));
        long current = workload.number("spec", "replicas");
        String body = JsonBody.write(JsonBody.object("spec", JsonBody.object("replicas", replicas)));
        String summary = "Scale " + Workloads.named(workload) + " from " + current + " to " + replicas + " replicas"
                + (replicas == 0 ? ": every pod stops and nothing serves until it is scaled up again" : "");
        return new ActionPlan(summary,
                List.of(new Mutation.Patch(context.target(), PatchType.MERGE, body, "scale")),
                new Verification(replicas + " replicas running", SETTLE, RolloutStatus::of),
                new ActionPlan.UndoHint(id(), Map.of(REPLICAS, Long.toString(current))));
    }

    /** A whole number of at least 0, as kubectl requires of --replicas; anything else is refused with the reason. */
    static long replicas(String text) throws ActionException {
        String value = text.strip();
        try {
            long replicas = Long.parseLong(value);
            if (replicas >= 0 && replicas <= Integer.MAX_VALUE) {
                return replicas;
            }
        } catch (NumberFormatException e) {
            // refused below with the value that was given
        }
        throw new ActionException("replicas must be a whole number greater than or equal to 0 (got \""
                + text + "\")");
    }
}
