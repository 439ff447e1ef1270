package dev.pilothouse.demo.simulator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The simulated control plane of one cluster: its controllers, run in a fixed order once per tick. The order
 * mirrors how work flows through a real control plane within a few seconds: owners are collected, Deployments and
 * Rollouts decide ReplicaSet sizes, ReplicaSets create or delete pods, the scheduler and kubelets move pods on,
 * workflows and pipeline runs advance (a PipelineRun creates TaskRuns before the TaskRuns create their pods),
 * InferenceServices split their traffic, and the ToolHive and kagent operators report on their servers.
 */
public final class ClusterSimulation {

  private static final Logger LOG = Logger.getLogger(ClusterSimulation.class.getName());

  private final SimulationContext context;
  private final List<Controller> controllers = List.of(new GarbageCollector(), new DeploymentController(),
      new RolloutController(), new ReplicaSetController(), new PodLifecycle(), new WorkflowController(),
      new PipelineRunController(), new TaskRunController(), new InferenceServiceController(),
      new ToolHiveController(), new RemoteMcpServerController());

  public ClusterSimulation(String cluster, KubernetesClient client, long seed) {
    this.context = new SimulationContext(cluster, client, seed ^ cluster.hashCode());
  }

  /**
   * One tick. A cluster that cannot be reached (stopped for a fault test) is skipped: its controllers resume when
   * it is back, as a real control plane would.
   */
  public void step() {
    context.now = Instant.now();
    context.tick++;
    for (Controller controller : controllers) {
      try {
        controller.reconcile(context);
      } catch (KubernetesClientException e) {
        LOG.log(Level.FINE, e, () -> context.cluster + ": " + controller.getClass().getSimpleName()
            + " skipped this tick");
        return;
      }
    }
  }
}
