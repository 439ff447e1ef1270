package dev.pilothouse.demo.scenario;

/**
 * Annotations the scenario files use to describe state that Kubernetes objects cannot express by themselves. They
 * are consumed when the scenario is materialized, except {@link #FAULT}, which stays on pod templates so that pods
 * the simulator creates later behave the same way (and a rollout that removes it "fixes" the workload).
 */
public final class DemoAnnotations {

  private static final String PREFIX = "demo.pilothouse.dev/";

  /** On a pod template: crash-loop, oom-kill, image-pull-backoff or not-ready. */
  public static final String FAULT = PREFIX + "fault";
  /** On a pod template: the fault hits only the first N pods of the ReplicaSet (default: all). */
  public static final String FAULT_REPLICAS = PREFIX + "fault-replicas";
  /**
   * On a pod template: the fault stays dormant until the simulator's N-th tick (the pods start healthy and break
   * later, as when a credential expires).
   */
  public static final String FAULT_AFTER_TICKS = PREFIX + "fault-after-ticks";
  /** On a Deployment or Rollout: comma-separated images of earlier revisions, oldest first. */
  public static final String PREVIOUS_IMAGES = PREFIX + "previous-images";
  /** On a Deployment or Rollout: when the current revision rolled out (default: at creation). */
  public static final String ROLLED_OUT_AT = PREFIX + "rolled-out-at";
  /** On a Job: succeeded, failed, oom-killed or running. */
  public static final String OUTCOME = PREFIX + "outcome";
  /**
   * On an Argo Workflow: the display name of the step (or DAG task) the simulator makes fail. On a Tekton
   * PipelineRun (copied to its TaskRuns): the pipeline task whose last step fails, or {@code task/step}.
   */
  public static final String FAIL_STEP = PREFIX + "fail-step";
  /** On a CRD: comma-separated cluster names that have it installed (default: all). */
  public static final String CLUSTERS = PREFIX + "clusters";

  private DemoAnnotations() {}
}
