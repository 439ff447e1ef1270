package dev.pilothouse.demo.simulator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The garbage collector's background cascade: ReplicaSets and pods whose controlling owner no longer exists are
 * deleted, so deleting a Deployment (or a Workflow, Rollout, Job, PipelineRun...) takes its ReplicaSets, TaskRuns and
 * pods with it.
 * Orphan propagation is not emulated.
 */
final class GarbageCollector implements Controller {

  @Override
  public void reconcile(SimulationContext ctx) {
    Set<String> owners = new HashSet<>();
    Stream.of(ctx.client.apps().deployments().inAnyNamespace().list().getItems(),
            ctx.client.apps().replicaSets().inAnyNamespace().list().getItems(),
            ctx.client.apps().statefulSets().inAnyNamespace().list().getItems(),
            ctx.client.apps().daemonSets().inAnyNamespace().list().getItems(),
            ctx.client.batch().v1().jobs().inAnyNamespace().list().getItems(),
            ctx.customResources(SimulationContext.WORKFLOWS),
            ctx.customResources(SimulationContext.ROLLOUTS),
            ctx.customResources(SimulationContext.PIPELINE_RUNS),
            ctx.customResources(SimulationContext.TASK_RUNS))
        .flatMap(List::stream).forEach(o -> owners.add(((HasMetadata) o).getMetadata().getUid()));
    for (var rs : ctx.client.apps().replicaSets().inAnyNamespace().list().getItems()) {
      if (orphaned(rs, owners)) {
        ctx.attempt("collect " + rs.getMetadata().getName(), () -> ctx.client.apps().replicaSets()
            .inNamespace(rs.getMetadata().getNamespace()).withName(rs.getMetadata().getName()).delete());
      }
    }
    for (var taskRun : ctx.customResources(SimulationContext.TASK_RUNS)) {
      if (orphaned(taskRun, owners)) {
        ctx.attempt("collect " + taskRun.getMetadata().getName(), () -> ctx.client
            .genericKubernetesResources(SimulationContext.TASK_RUNS).inNamespace(taskRun.getMetadata().getNamespace())
            .withName(taskRun.getMetadata().getName()).delete());
      }
    }
    for (var pod : ctx.client.pods().inAnyNamespace().list().getItems()) {
      if (orphaned(pod, owners)) {
        ctx.attempt("collect " + pod.getMetadata().getName(), () -> ctx.client.pods()
            .inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).delete());
      }
    }
  }

  /** Owned by a kind the collector knows, whose object is gone. */
  private static boolean orphaned(HasMetadata object, Set<String> owners) {
    OwnerReference ref = SimulationContext.controllerOf(object);
    return ref != null && List.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "Workflow",
        "Rollout", "PipelineRun", "TaskRun").contains(ref.getKind()) && !owners.contains(ref.getUid());
  }
}
