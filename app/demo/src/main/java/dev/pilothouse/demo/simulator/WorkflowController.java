package dev.pilothouse.demo.simulator;

import dev.pilothouse.demo.scenario.ArgoTemplates;
import dev.pilothouse.demo.scenario.DemoAnnotations;
import dev.pilothouse.demo.scenario.Times;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Argo's workflow controller. Step workflows: each tick the running step may finish (Succeeded, or Failed when it is
 * the workflow's {@link DemoAnnotations#FAIL_STEP}) and the next one starts with a pod of its own. DAG workflows are
 * advanced by {@link DagWorkflows}. When a step fails or the last one succeeds, the workflow ends with the phase,
 * message, progress and labels Argo sets. {@code spec.shutdown} stops a workflow and {@code spec.suspend} holds it.
 */
final class WorkflowController implements Controller {

  /** A step runs for this many ticks (of its pod running) before it finishes. */
  static final int TICKS_PER_STEP = 5;

  private final WorkflowPods pods = new WorkflowPods();
  private final DagWorkflows dags = new DagWorkflows(pods);

  @Override
  public void reconcile(SimulationContext ctx) {
    for (GenericKubernetesResource wf : ctx.customResources(SimulationContext.WORKFLOWS)) {
      Map<String, Object> status = Nested.map(wf.getAdditionalProperties().get("status"));
      Map<String, Object> spec = Nested.map(wf.getAdditionalProperties().get("spec"));
      if (!"Running".equals(status.get("phase")) || Boolean.TRUE.equals(spec.get("suspend"))) {
        continue;
      }
      boolean changed;
      if (spec.get("shutdown") != null) {
        shutdown(ctx, wf, status, "Stopped with strategy '" + spec.get("shutdown") + "'");
        changed = true;
      } else if (!ArgoTemplates.dagTasks(ArgoTemplates.effectiveSpec(wf)).isEmpty()) {
        changed = dags.advance(ctx, wf, status);
      } else {
        changed = step(ctx, wf, status);
      }
      if (changed) {
        ctx.attempt("update workflow " + wf.getMetadata().getName(), () -> ctx.client
            .genericKubernetesResources(SimulationContext.WORKFLOWS)
            .inNamespace(wf.getMetadata().getNamespace()).resource(wf).update());
      }
    }
  }

  /** Stops every running node and ends the workflow Failed, as {@code argo stop/terminate} do. */
  private void shutdown(SimulationContext ctx, GenericKubernetesResource wf, Map<String, Object> status,
      String message) {
    for (Map<String, Object> node : nodes(status)) {
      if ("Pod".equals(node.get("type")) && "Running".equals(node.get("phase"))) {
        pods.finish(ctx, wf, node, false, message);
      } else if ("Pending".equals(node.get("phase"))) {
        node.put("phase", "Omitted");
      } else if ("Running".equals(node.get("phase")) && !wf.getMetadata().getName().equals(node.get("id"))) {
        node.put("phase", "Failed");
        node.put("finishedAt", Times.format(ctx.now));
      }
    }
    end(wf, status, "Failed", message, Times.format(ctx.now));
  }

  /** Advances one step of a step workflow; true when the workflow changed. */
  private boolean step(SimulationContext ctx, GenericKubernetesResource wf, Map<String, Object> status) {
    Map<String, Object> nodes = Nested.map(status.get("nodes"));
    List<Map<String, Object>> steps = podSteps(wf.getMetadata().getName(), nodes);
    String now = Times.format(ctx.now);
    String failStep = failStep(wf);
    for (Map<String, Object> s : steps) {
      if ("Running".equals(s.get("phase"))) {
        if (!pods.due(ctx, wf, s)) {
          return false;
        }
        boolean fails = s.get("displayName").equals(failStep);
        pods.finish(ctx, wf, s, !fails, fails ? "Error (exit code 1)" : null);
        if (fails) {
          steps.stream().filter(x -> "Pending".equals(x.get("phase"))).forEach(x -> x.put("phase", "Omitted"));
          end(wf, status, "Failed", "child '" + s.get("id") + "' failed", now);
          return true;
        }
        break;
      }
    }
    Map<String, Object> next = steps.stream().filter(s -> "Pending".equals(s.get("phase"))).findFirst()
        .orElse(null);
    if (next == null) {
      end(wf, status, "Succeeded", null, now);
    } else {
      pods.start(ctx, wf, next);
    }
    long done = steps.stream().filter(s -> "Succeeded".equals(s.get("phase"))).count();
    status.put("progress", done + "/" + steps.size());
    return true;
  }

  static @Nullable String failStep(GenericKubernetesResource wf) {
    return wf.getMetadata().getAnnotations() == null ? null
        : wf.getMetadata().getAnnotations().get(DemoAnnotations.FAIL_STEP);
  }

  /** Ends the workflow: phase, message, the root node, Argo's conditions and labels. */
  static void end(GenericKubernetesResource wf, Map<String, Object> status, String phase, @Nullable String message,
      String now) {
    status.put("phase", phase);
    status.put("finishedAt", now);
    if (message != null) {
      status.put("message", message);
    }
    Map<String, Object> nodes = Nested.map(status.get("nodes"));
    if (nodes.get(wf.getMetadata().getName()) instanceof Map<?, ?>) {
      Map<String, Object> root = Nested.map(nodes.get(wf.getMetadata().getName()));
      root.put("phase", phase);
      root.put("finishedAt", now);
      if (message != null) {
        root.put("message", message);
      }
    }
    List<Object> conditions = new ArrayList<>();
    conditions.add(new LinkedHashMap<>(Map.of("type", "PodRunning", "status", "False")));
    conditions.add(new LinkedHashMap<>(Map.of("type", "Completed", "status", "True")));
    status.put("conditions", conditions);
    Map<String, String> labels = new LinkedHashMap<>(wf.getMetadata().getLabels() == null ? Map.of()
        : wf.getMetadata().getLabels());
    labels.put("workflows.argoproj.io/phase", phase);
    labels.put("workflows.argoproj.io/completed", "true");
    wf.getMetadata().setLabels(labels);
  }

  static List<Map<String, Object>> nodes(Map<String, Object> status) {
    List<Map<String, Object>> all = new ArrayList<>();
    Nested.map(status.get("nodes")).values().forEach(n -> all.add(Nested.map(n)));
    return all;
  }

  /** Pod nodes in execution order: from the root, following children. */
  private static List<Map<String, Object>> podSteps(String root, Map<String, Object> nodes) {
    List<Map<String, Object>> ordered = new ArrayList<>();
    Map<String, Object> node = nodes.get(root) instanceof Map<?, ?> ? Nested.map(nodes.get(root)) : null;
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (node != null) {
      if ("Pod".equals(node.get("type"))) {
        ordered.add(node);
      }
      Object children = node.get("children");
      String next = children instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.getFirst()) : null;
      node = next != null && seen.add(next) && nodes.get(next) instanceof Map<?, ?> ? Nested.map(nodes.get(next))
          : null;
    }
    return ordered;
  }
}
