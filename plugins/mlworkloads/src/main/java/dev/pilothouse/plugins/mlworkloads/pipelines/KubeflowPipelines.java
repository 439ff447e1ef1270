package dev.pilothouse.plugins.mlworkloads.pipelines;

import dev.pilothouse.sdk.kube.KubeObject;

/**
 * Recognises Kubeflow Pipelines runs. KFP has no resource of its own in the cluster: a run is an Argo Workflow (or a
 * Tekton PipelineRun with the Tekton back end) that KFP labels and annotates.
 */
public final class KubeflowPipelines {

    static final String RUN_ID_LABEL = "pipeline/runid";
    static final String RUN_NAME_ANNOTATION = "pipelines.kubeflow.org/run_name";
    private static final String KFP_PREFIX = "pipelines.kubeflow.org/";

    private KubeflowPipelines() {
    }

    /** Whether KFP submitted this run: its run-id label, or any label or annotation in KFP's prefix. */
    public static boolean isRun(KubeObject object) {
        var labels = object.labels();
        return labels.containsKey(RUN_ID_LABEL)
                || labels.keySet().stream().anyMatch(k -> k.startsWith(KFP_PREFIX))
                || object.annotations().keySet().stream().anyMatch(k -> k.startsWith(KFP_PREFIX));
    }

    /** The engine to show: KFP for its runs, else the engine that runs the object. */
    static PipelineEngine engine(KubeObject object, PipelineEngine runner) {
        return isRun(object) ? PipelineEngine.KFP : runner;
    }

    /** The run name users gave in KFP (workflow names are generated); empty if none. */
    static String runName(KubeObject object) {
        return object.annotations().getOrDefault(RUN_NAME_ANNOTATION, "");
    }
}
