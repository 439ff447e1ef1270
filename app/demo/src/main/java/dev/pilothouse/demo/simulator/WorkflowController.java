package dev.pilothouse.demo.simulator;

import dev.pilothouse.demo.scenario.DemoAnnotations;
import dev.pilothouse.demo.scenario.PodFactory;
import dev.pilothouse.demo.scenario.Times;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Argo's workflow controller, for step workflows: each tick the running step finishes (Succeeded, or Failed when it
 * is the workflow's {@link DemoAnnotations#FAIL_STEP}) and the next one starts with a pod of its own; when a step
 * fails or the last one succeeds, the workflow ends with the phase, message, progress and labels Argo sets.
 * {@code spec.shutdown} stops a workflow and {@code spec.suspend} holds it.
 */
final class WorkflowController implements Controller {

  /** A step runs for this many ticks before it finishes. */
  static final int TICKS_PER_STEP = 5;

  /** When (which tick) each running step started, by node id; steps found running are timed from first sight. */
  private final Map<String, Long> startedAtTick = new java.util.HashMap<>();

  @Override
  public void reconcile(SimulationContext ctx) {
    for (GenericKubernetesResource wf : ctx.customResources(SimulationContext.WORKFLOWS)) {
      Map<String, Object> status = map(wf.getAdditionalProperties().get("status"));
      Map<String, Object> spec = map(wf.getAdditionalProperties().get("spec"));
      if (!"Running".equals(status.get("phase")) || Boolean.TRUE.equals(spec.get("suspend"))) {
        continue;
      }
      if (step(ctx, wf, spec, status)) {
        ctx.attempt("update workflow " + wf.getMetadata().getName(), () -> ctx.client
            .genericKubernetesResources(SimulationContext.WORKFLOWS)
            .inNamespace(wf.getMetadata().getNamespace()).resource(wf).update());
      }
    }
  }

  /** Advances one step; true when the workflow changed. */
  private boolean step(SimulationContext ctx, GenericKubernetesResource wf, Map<String, Object> spec,
      Map<String, Object> status) {
    Map<String, Object> nodes = map(status.get("nodes"));
    List<Map<String, Object>> steps = podSteps(wf.getMetadata().getName(), nodes);
    String now = Times.format(ctx.now);
    if (spec.get("shutdown") != null) {
      for (Map<String, Object> s : steps) {
        if ("Running".equals(s.get("phase"))) {
          finish(ctx, wf, s, false, "Stopped with strategy '" + spec.get("shutdown") + "'");
        } else if ("Pending".equals(s.get("phase"))) {
          s.put("phase", "Omitted");
        }
      }
      end(wf, status, nodes, "Failed", "Stopped with strategy '" + spec.get("shutdown") + "'", now);
      return true;
    }
    String failStep = wf.getMetadata().getAnnotations() == null ? null
        : wf.getMetadata().getAnnotations().get(DemoAnnotations.FAIL_STEP);
    for (Map<String, Object> s : steps) {
      if ("Running".equals(s.get("phase"))) {
        long since = startedAtTick.computeIfAbsent(String.valueOf(s.get("id")), id -> ctx.tick);
        if (ctx.tick - since < TICKS_PER_STEP) {
          return false;
        }
        startedAtTick.remove(String.valueOf(s.get("id")));
        boolean fails = s.get("displayName").equals(failStep);
        finish(ctx, wf, s, !fails, fails ? "Error (exit code 1)" : null);
        if (fails) {
          steps.stream().filter(x -> "Pending".equals(x.get("phase"))).forEach(x -> x.put("phase", "Omitted"));
          end(wf, status, nodes, "Failed", "child '" + s.get("id") + "' failed", now);
          return true;
        }
        break;
      }
    }
    Map<String, Object> next = steps.stream().filter(s -> "Pending".equals(s.get("phase"))).findFirst()
        .orElse(null);
    if (next == null) {
      end(wf, status, nodes, "Succeeded", null, now);
    } else {
      next.put("phase", "Running");
      next.put("startedAt", now);
      startedAtTick.put(String.valueOf(next.get("id")), ctx.tick);
      createPod(ctx, wf, spec, next);
    }
    long done = steps.stream().filter(s -> "Succeeded".equals(s.get("phase"))).count();
    status.put("progress", done + "/" + steps.size());
    return true;
  }

  private void finish(SimulationContext ctx, GenericKubernetesResource wf, Map<String, Object> step, boolean ok,
      @Nullable String message) {
    step.put("phase", ok ? "Succeeded" : "Failed");
    step.put("finishedAt", Times.format(ctx.now));
    if (message != null) {
      step.put("message", message);
    }
    String podName = podName(wf, step);
    Pod pod = ctx.client.pods().inNamespace(wf.getMetadata().getNamespace()).withName(podName).get();
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
      ctx.attempt("finish pod " + podName, () -> ctx.client.pods().inNamespace(wf.getMetadata().getNamespace())
          .resource(pod).updateStatus());
    }
  }

  @SuppressWarnings("unchecked")
  private void createPod(SimulationContext ctx, GenericKubernetesResource wf, Map<String, Object> spec,
      Map<String, Object> step) {
    String image = "python:3.11-slim";
    for (Object t : (List<Object>) spec.getOrDefault("templates", List.of())) {
      Map<String, Object> template = (Map<String, Object>) t;
      if (step.get("templateName").equals(template.get("name")) && template.get("container") instanceof Map<?, ?> c
          && c.get("image") != null) {
        image = String.valueOf(c.get("image"));
      }
    }
    Pod pod = new PodBuilder()
        .withNewMetadata()
          .withName(podName(wf, step))
          .withNamespace(wf.getMetadata().getNamespace())
          .addToLabels("workflows.argoproj.io/workflow", wf.getMetadata().getName())
          .addToLabels("workflows.argoproj.io/completed", "false")
          .addToAnnotations("workflows.argoproj.io/node-id", String.valueOf(step.get("id")))
          .addToAnnotations("workflows.argoproj.io/node-name", String.valueOf(step.get("name")))
          .addToAnnotations("kubectl.kubernetes.io/default-container", "main")
          .withOwnerReferences(PodFactory.controllerRef("argoproj.io/v1alpha1", "Workflow",
              wf.getMetadata().getName(), wf.getMetadata().getUid()))
        .endMetadata()
        .withNewSpec()
          .withRestartPolicy("Never")
          .addToContainers(new ContainerBuilder().withName("wait").withImage("quay.io/argoproj/argoexec:v3.6.2")
              .build())
          .addToContainers(new ContainerBuilder().withName("main").withImage(image).build())
        .endSpec()
        .build();
    ctx.attempt("create step pod " + pod.getMetadata().getName(), () ->
        ctx.client.pods().inNamespace(wf.getMetadata().getNamespace()).resource(pod).create());
  }

  private static void end(GenericKubernetesResource wf, Map<String, Object> status, Map<String, Object> nodes,
      String phase, @Nullable String message, String now) {
    status.put("phase", phase);
    status.put("finishedAt", now);
    if (message != null) {
      status.put("message", message);
    }
    Object root = nodes.get(wf.getMetadata().getName());
    if (root instanceof Map<?, ?>) {
      Map<String, Object> r = map(root);
      r.put("phase", phase);
      r.put("finishedAt", now);
      if (message != null) {
        r.put("message", message);
      }
    }
    Map<String, String> labels = new LinkedHashMap<>(wf.getMetadata().getLabels() == null ? Map.of()
        : wf.getMetadata().getLabels());
    labels.put("workflows.argoproj.io/phase", phase);
    labels.put("workflows.argoproj.io/completed", "true");
    wf.getMetadata().setLabels(labels);
  }

  /** Pod nodes in execution order: from the root, following children. */
  private static List<Map<String, Object>> podSteps(String root, Map<String, Object> nodes) {
    List<Map<String, Object>> ordered = new ArrayList<>();
    Map<String, Object> node = nodes.get(root) instanceof Map<?, ?> ? map(nodes.get(root)) : null;
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (node != null) {
      if ("Pod".equals(node.get("type"))) {
        ordered.add(node);
      }
      Object children = node.get("children");
      String next = children instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.getFirst()) : null;
      node = next != null && seen.add(next) && nodes.get(next) instanceof Map<?, ?> ? map(nodes.get(next)) : null;
    }
    return ordered;
  }

  private static String podName(GenericKubernetesResource wf, Map<String, Object> step) {
    String id = String.valueOf(step.get("id"));
    return wf.getMetadata().getName() + "-" + step.get("templateName") + "-" + id.substring(id.lastIndexOf('-') + 1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }
}
