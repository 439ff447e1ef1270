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
import java.util.TreeMap;

/**
 * {@code rollout-undo} of a Deployment: the JSON patch {@code kubectl rollout undo [--to-revision=N]} sends (checked
 * against kubernetes/kubectl pkg/polymorphichelpers/rollback.go, DeploymentRollbacker.Rollback and
 * getDeploymentPatch). It replaces {@code /spec/template} with the chosen ReplicaSet's template minus its
 * {@code pod-template-hash} label, and {@code /metadata/annotations} with the Deployment's own bookkeeping
 * annotations (annotationsToSkip) plus the ReplicaSet's other annotations, so the Deployment carries again what was
 * applied with that revision. Like kubectl it refuses a paused Deployment and does nothing when the template already
 * matches.
 */
final class UndoAction implements Action {

    static final String REVISION = "revision";

    /**
     * Annotations that stay as the Deployment has them and are not taken from the ReplicaSet (rollback.go
     * annotationsToSkip): last-applied configuration, the controller's revision bookkeeping, and the deprecated
     * rollback request.
     */
    static final Set<String> KEPT_FROM_DEPLOYMENT = Set.of(
            "kubectl.kubernetes.io/last-applied-configuration",
            "deployment.kubernetes.io/revision",
            "deployment.kubernetes.io/revision-history",
            "deployment.kubernetes.io/desired-replicas",
            "deployment.kubernetes.io/max-replicas",
            "deprecated.deployment.rollback.to");

    private static final Duration ROLLOUT = Duration.ofMinutes(10);

    @Override
    public String id() {
        return "rollout-undo";
    }

    @Override
    public String label() {
        return "Roll back";
    }

    /** It puts back code and configuration that were replaced for a reason, and replaces every pod to do it. */
    @Override
    public DangerLevel danger() {
        return DangerLevel.HIGH;
    }

    @Override
    public Set<GroupVersionKind> kinds() {
        return Set.of(Workloads.DEPLOYMENT);
    }

    @Override
    public List<ActionParameter> parameters() {
        return List.of(ActionParameter.optional(REVISION, "Revision (0 or empty: the previous one)",
                ActionParameter.Type.INTEGER, "0"));
    }

    @Override
    public Availability availability(KubeObject deployment) {
        if (Workloads.paused(deployment)) {
            return Availability.unavailable(pausedRefusal(deployment));
        }
        if ("1".equals(deployment.annotations().get(Workloads.REVISION))) {
            return Availability.unavailable("There is no earlier revision to roll back to");
        }
        return Availability.yes();
    }

    @Override
    public ActionPlan plan(PlanContext context) throws ActionException {
        KubeObject deployment = context.object();
        long revision = revision(context.parameters().getOrDefault(REVISION, ""));
        ReplicaSetHistory history = ReplicaSetHistory.read(context);
        KubeObject target = history.target(revision);
        long targetRevision = ReplicaSetHistory.revision(target).orElse(revision);
        // kubectl looks the revision up first and checks the pause after, so a wrong revision is reported first.
        if (Workloads.paused(deployment)) {
            throw new ActionException(pausedRefusal(deployment));
        }
        Map<String, Object> template = PodTemplates.of(target);
        if (PodTemplates.equalIgnoringHash(template, PodTemplates.of(deployment))) {
            throw new ActionException("skipped rollback (current template already matches revision "
                    + targetRevision + "): nothing to change");
        }
        String body = JsonBody.write(List.of(
                JsonBody.object("op", "replace", "path", "/spec/template", "value", PodTemplates.withoutHash(template)),
                JsonBody.object("op", "replace", "path", "/metadata/annotations", "value",
                        annotations(deployment, target))));
        String current = deployment.annotations().getOrDefault(Workloads.REVISION, "");
        return new ActionPlan("Roll back " + Workloads.named(deployment) + (current.isEmpty() ? "" : " from revision "
                        + current) + " to the template of revision " + targetRevision + " (replica set "
                        + target.name() + ")",
                List.of(new Mutation.Patch(context.target(), PatchType.JSON, body, "")),
                new Verification("rollout complete", ROLLOUT, RolloutStatus::of),
                current.isEmpty() ? null : new ActionPlan.UndoHint(id(), Map.of(REVISION, current)));
    }

    /**
     * The annotations kubectl writes: the kept ones from the Deployment, then every other one of the ReplicaSet.
     * Sorted by key, as Go's encoding/json writes a map.
     */
    static Map<String, String> annotations(KubeObject deployment, KubeObject replicaSet) {
        Map<String, String> result = new TreeMap<>();
        deployment.annotations().forEach((key, value) -> {
            if (KEPT_FROM_DEPLOYMENT.contains(key)) {
                result.put(key, value);
            }
        });
        replicaSet.annotations().forEach((key, value) -> {
            if (!KEPT_FROM_DEPLOYMENT.contains(key)) {
                result.put(key, value);
            }
        });
        return result;
    }

    /** kubectl's --to-revision: a whole number, 0 (or nothing) for the previous revision. */
    static long revision(String text) throws ActionException {
        String value = text.strip();
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ActionException("revision must be a whole number, 0 for the previous one (got \"" + text + "\")");
        }
    }

    private static String pausedRefusal(KubeObject deployment) {
        return "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/"
                + deployment.name() + "' and try again";
    }
}
