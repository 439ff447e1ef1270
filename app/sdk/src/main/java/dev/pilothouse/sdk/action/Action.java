package dev.pilothouse.sdk.action;

import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.List;
import java.util.Set;

/**
 * An entry of the action catalogue, such as "restart a Deployment". Actions are two-phase and declarative: they
 * decide availability and compute a plan; they never touch a cluster. The host's action engine runs every plan
 * through availability, read-only mode, permission checks, preview, dry-run, confirmation, execution, verification
 * and the audit log, so a plugin cannot bypass any of them.
 */
public interface Action {

    /** Stable id used on the command line and in runbooks, e.g. {@code rollout-restart}. */
    String id();

    /** Label shown in menus, e.g. "Restart". */
    String label();

    /** How careful the confirmation must be. */
    DangerLevel danger();

    /** The kinds this action applies to. */
    Set<GroupVersionKind> kinds();

    /** The parameters the action takes; none by default. */
    default List<ActionParameter> parameters() {
        return List.of();
    }

    /**
     * The Kubernetes verb the engine checks with a SelfSubjectAccessReview before planning, and the subresource it
     * touches (empty for the object itself).
     */
    default AccessRequirement access() {
        return new AccessRequirement("patch", "");
    }

    /** Whether the action can run on the object in its present state. Pure and fast: menus call it. */
    Availability availability(KubeObject object);

    /** Computes the exact change. Throws {@link ActionException} when the state or parameters do not allow it. */
    ActionPlan plan(PlanContext context) throws ActionException;

    /**
     * The verb and subresource an action needs.
     *
     * @param verb        a Kubernetes verb such as {@code patch} or {@code update}
     * @param subresource {@code status}, {@code scale}, or empty
     */
    record AccessRequirement(String verb, String subresource) {
    }
}
