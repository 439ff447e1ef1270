package dev.pilothouse.sdk.action;

import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a plan may read: the target's current state, related objects and the time. Reading only; planning must not
 * change anything.
 */
public interface PlanContext {

    /** The target. */
    ActionTarget target();

    /** The target's current full state, freshly read. */
    KubeObject object();

    /** The validated parameters (defaults filled in). */
    Map<String, String> parameters();

    /** Lists related objects, e.g. the ReplicaSets a Deployment owns. */
    List<KubeObject> list(GroupVersionKind gvk, String namespace, String labelSelector);

    /** The engine's clock, so plans that stamp times are testable. */
    Instant now();
}
