package dev.pilothouse.demo.scenario;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tekton TaskRuns: the pod of each TaskRun that names one in {@code status.podName}, with a {@code step-<name>}
 * container per step, each in the state the TaskRun's {@code status.steps} reports.
 */
final class TektonMaterializer {

  private final MaterializeContext ctx;

  TektonMaterializer(MaterializeContext ctx) {
    this.ctx = ctx;
  }

  @SuppressWarnings("unchecked")
  void taskRun(GenericKubernetesResource taskRun) {
    ctx.ensureUid(taskRun);
    ctx.output.add(taskRun);
    Map<String, Object> status = (Map<String, Object>) taskRun.getAdditionalProperties().getOrDefault("status",
        Map.of());
    String podName = (String) status.get("podName");
    if (podName == null || TektonPods.steps(taskRun).isEmpty()) {
      return;
    }
    String namespace = taskRun.getMetadata().getNamespace();
    Instant started = Times.parse(String.valueOf(status.getOrDefault("startTime",
        taskRun.getMetadata().getCreationTimestamp())));
    OwnerReference owner = PodFactory.controllerRef("tekton.dev/v1", "TaskRun", taskRun.getMetadata().getName(),
        taskRun.getMetadata().getUid());
    Pod pod = PodFactory.fromTemplate(TektonPods.template(taskRun), podName, namespace, owner, Map.of(), started);
    pod.getMetadata().setUid(ctx.uid("Pod", namespace, podName));
    Optional<Node> node = ctx.placement.place(pod.getSpec());
    if (node.isEmpty()) {
      return;
    }
    String outcome = TektonPods.succeeded(status);
    if (outcome.equals("Unknown")) {
      ctx.run(pod, node.get(), started);
    } else {
      Instant finished = status.get("completionTime") == null ? ctx.now
          : Times.parse(String.valueOf(status.get("completionTime")));
      boolean ok = outcome.equals("True");
      PodFactory.finished(pod, node.get(), started, finished, ok ? 0 : 1, ok ? "Completed" : "Error",
          ctx.nextPodIp(node.get()), ctx.random);
    }
    // Each step container as its step reports it: finished steps terminated, the others still running.
    for (Object s : (List<Object>) status.getOrDefault("steps", List.of())) {
      Map<String, Object> step = (Map<String, Object>) s;
      Map<String, Object> terminated = (Map<String, Object>) step.get("terminated");
      ContainerStatus container = pod.getStatus().getContainerStatuses().stream()
          .filter(c -> c.getName().equals(step.get("container"))).findFirst().orElse(null);
      if (container != null && terminated != null) {
        int exitCode = ((Number) terminated.getOrDefault("exitCode", 0)).intValue();
        container.setReady(false);
        container.setStarted(false);
        container.setState(PodFactory.terminated(exitCode, String.valueOf(terminated.getOrDefault("reason",
            exitCode == 0 ? "Completed" : "Error")), Times.parse(String.valueOf(terminated.get("startedAt"))),
            Times.parse(String.valueOf(terminated.get("finishedAt")))));
      }
    }
    ctx.output.add(pod);
  }
}
