package dev.pilothouse.demo.simulator;

import dev.pilothouse.demo.scenario.ArgoTemplates;
import dev.pilothouse.demo.scenario.PodFactory;
import dev.pilothouse.demo.scenario.Times;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The pods of a workflow's {@code Pod} nodes, as Argo's controller and executor handle them: created when the node
 * starts, and ended (main exits, the wait sidecar with it) when the node finishes. Also times the nodes: a node runs
 * for {@link WorkflowController#TICKS_PER_STEP} ticks of its pod running.
 */
final class WorkflowPods {

  /** When (which tick) each running node started, by node id; nodes found running are timed from first sight. */
  private final Map<String, Long> startedAtTick = new HashMap<>();

  /** Whether a running node has run long enough to finish; a node whose pod is not running yet waits. */
  boolean due(SimulationContext ctx, GenericKubernetesResource wf, Map<String, Object> node) {
    String id = String.valueOf(node.get("id"));
    Pod pod = pod(ctx, wf, node);
    if (pod != null && pod.getStatus() != null && "Pending".equals(pod.getStatus().getPhase())) {
      startedAtTick.put(id, ctx.tick);
      return false;
    }
    long since = startedAtTick.computeIfAbsent(id, k -> ctx.tick);
    if (ctx.tick - since < WorkflowController.TICKS_PER_STEP) {
      return false;
    }
    startedAtTick.remove(id);
    return true;
  }

  /** Starts a node: marks it running now and creates its pod. */
  void start(SimulationContext ctx, GenericKubernetesResource wf, Map<String, Object> node) {
    node.put("phase", "Running");
    node.put("startedAt", Times.format(ctx.now));
    node.put("progress", "0/1");
    startedAtTick.put(String.valueOf(node.get("id")), ctx.tick);
    Pod pod = PodFactory.fromTemplate(ArgoTemplates.stepPod(wf, node, false), ArgoTemplates.podName(
        wf.getMetadata().getName(), node), wf.getMetadata().getNamespace(), PodFactory.controllerRef(
            "argoproj.io/v1alpha1", "Workflow", wf.getMetadata().getName(), wf.getMetadata().getUid()), Map.of(),
        ctx.now);
    pod.getMetadata().setCreationTimestamp(null);
    pod.setStatus(null);
    ctx.attempt("create step pod " + pod.getMetadata().getName(), () ->
        ctx.client.pods().inNamespace(wf.getMetadata().getNamespace()).resource(pod).create());
  }

  /** Ends a node and its pod: Succeeded, or Failed with main's exit code 1. */
  void finish(SimulationContext ctx, GenericKubernetesResource wf, Map<String, Object> node, boolean ok,
      @Nullable String message) {
    node.put("phase", ok ? "Succeeded" : "Failed");
    node.put("finishedAt", Times.format(ctx.now));
    node.put("progress", "1/1");
    node.put("outputs", new java.util.LinkedHashMap<>(Map.of("exitCode", ok ? "0" : "1")));
    Nested.putOrRemove(node, "message", message);
    startedAtTick.remove(String.valueOf(node.get("id")));
    Pod pod = pod(ctx, wf, node);
    if (pod != null && pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())) {
      var started = pod.getStatus().getStartTime() == null ? ctx.now : Times.parse(pod.getStatus().getStartTime());
      pod.getStatus().setPhase(ok ? "Succeeded" : "Failed");
      pod.getStatus().getContainerStatuses().forEach(c -> {
        boolean main = c.getName().equals("main");
        c.setReady(false);
        c.setStarted(false);
        c.setState(PodFactory.terminated(ok || !main ? 0 : 1, ok || !main ? "Completed" : "Error", started, ctx.now));
      });
      pod.getStatus().getConditions().stream().filter(c -> c.getType().equals("Ready")
          || c.getType().equals("ContainersReady")).forEach(c -> {
            c.setStatus("False");
            c.setReason("PodCompleted");
          });
      ctx.attempt("finish pod " + pod.getMetadata().getName(), () -> ctx.client.pods()
          .inNamespace(wf.getMetadata().getNamespace()).resource(pod).updateStatus());
    }
  }

  private static @Nullable Pod pod(SimulationContext ctx, GenericKubernetesResource wf, Map<String, Object> node) {
    return ctx.client.pods().inNamespace(wf.getMetadata().getNamespace())
        .withName(ArgoTemplates.podName(wf.getMetadata().getName(), node)).get();
  }
}
