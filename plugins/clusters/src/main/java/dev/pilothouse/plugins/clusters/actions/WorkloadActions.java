package dev.pilothouse.plugins.clusters.actions;

import dev.pilothouse.sdk.action.Action;

import java.util.List;

/**
 * The workload part of the action catalogue: restart, scale, pause, resume and roll back Deployments (restart also
 * StatefulSets and DaemonSets; scale also StatefulSets and unowned ReplicaSets). Each plan carries the exact request
 * kubectl sends for the same command, so what Pilothouse does can be reproduced and audited with kubectl in mind;
 * permission, confirmation, execution and the audit record are the host engine's.
 */
public final class WorkloadActions {

    private WorkloadActions() {
    }

    /** Every workload action, in menu order. */
    public static List<Action> all() {
        return List.of(
                new RestartAction(),
                new ScaleAction(),
                PauseResumeAction.pause(),
                PauseResumeAction.resume(),
                new UndoAction());
    }
}
