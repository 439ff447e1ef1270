package dev.pilothouse.plugins.mlworkloads.pipelines;

/** The engine that runs a pipeline, as the pipelines list names it. */
public enum PipelineEngine {
    ARGO("Argo"),
    TEKTON("Tekton"),
    /** Kubeflow Pipelines: runs are Argo Workflows (or Tekton runs) that KFP labelled as its own. */
    KFP("Kubeflow Pipelines");

    private final String label;

    PipelineEngine(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
