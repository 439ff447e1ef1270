package dev.pilothouse.plugins.monitoring.silences;

import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.kube.GroupVersionKind;

/** Silences are Alertmanager objects, not Kubernetes ones: a kind in the host's group names them as action targets. */
public final class SilenceKind {

    /** {@code pilothouse.dev/v1 Silence}. */
    public static final GroupVersionKind GVK = new GroupVersionKind("pilothouse.dev", "v1", "Silence", "silences");

    private SilenceKind() {
    }

    /** The target of an action on a silence of a cluster ({@code name} is the silence id, or "new"). */
    public static ActionTarget target(String cluster, String name) {
        return new ActionTarget(cluster, GVK, "", name);
    }
}
