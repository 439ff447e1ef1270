package dev.pilothouse.plugins.mlworkloads.actions;

import dev.pilothouse.sdk.action.Action;

import java.util.List;

/**
 * The pipeline actions of the catalogue: terminate, stop, suspend, resume and resubmit an Argo Workflow; cancel a
 * Tekton PipelineRun or TaskRun. Each computes the exact request the upstream CLI would make and leaves the rest
 * (permission, confirmation, execution) to the host's action engine.
 */
public final class PipelineActions {

    private PipelineActions() {
    }

    /** Every pipeline action, in menu order. */
    public static List<Action> all() {
        return List.of(
                WorkflowShutdownAction.stop(),
                WorkflowShutdownAction.terminate(),
                new SuspendWorkflowAction(),
                new ResumeWorkflowAction(),
                new ResubmitWorkflowAction(),
                CancelTektonRunAction.pipelineRun(),
                CancelTektonRunAction.taskRun());
    }
}
