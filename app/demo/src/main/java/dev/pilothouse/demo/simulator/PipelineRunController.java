package dev.pilothouse.demo.simulator;

import dev.pilothouse.demo.scenario.PodFactory;
import dev.pilothouse.demo.scenario.TektonPods;
import dev.pilothouse.demo.scenario.Times;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Tekton's PipelineRun reconciler: a pipeline task gets its TaskRun (named {@code <run>-<task>}, with Tekton's
 * labels, an owner reference and a child reference in the run's status) once the tasks in its {@code runAfter} have
 * succeeded; the run's {@code Succeeded} condition counts the tasks as Tekton words it. A failed task stops the
 * scheduling and, once nothing runs, fails the run with the rest skipped. {@code spec.status: Cancelled} (or
 * {@code CancelledRunFinally}, {@code StoppedRunFinally}) cancels the running TaskRuns and ends the run Cancelled;
 * {@code PipelineRunPending} holds it. The task graph is the resolved {@code status.pipelineSpec} (or an inline
 * {@code spec.pipelineSpec}).
 */
final class PipelineRunController implements Controller {

  static final String CANCELLED_BY_PIPELINE = "TaskRun cancelled as the PipelineRun it belongs to has been cancelled.";
  private static final Set<String> CANCEL = Set.of("Cancelled", "CancelledRunFinally", "StoppedRunFinally");
  private static final Pattern PARAM = Pattern.compile("\\$\\(params\\.([\\w-]+)\\)");

  @Override
  public void reconcile(SimulationContext ctx) {
    List<GenericKubernetesResource> runs = ctx.customResources(SimulationContext.PIPELINE_RUNS);
    if (runs.isEmpty()) {
      return;
    }
    Map<String, GenericKubernetesResource> taskRuns = new HashMap<>();
    ctx.customResources(SimulationContext.TASK_RUNS).forEach(tr -> taskRuns.put(key(tr.getMetadata().getNamespace(),
        tr.getMetadata().getName()), tr));
    for (GenericKubernetesResource run : runs) {
      Map<String, Object> status = Nested.child(run.getAdditionalProperties(), "status");
      if (!TektonPods.succeeded(status).equals("Unknown")) {
        continue;
      }
      Object before = Nested.copy(status);
      reconcile(ctx, run, status, taskRuns);
      if (!Objects.equals(before, status)) {
        ctx.updateStatus(SimulationContext.PIPELINE_RUNS, run);
      }
    }
  }

  private void reconcile(SimulationContext ctx, GenericKubernetesResource run, Map<String, Object> status,
      Map<String, GenericKubernetesResource> taskRuns) {
    Map<String, Object> spec = Nested.map(run.getAdditionalProperties().get("spec"));
    String name = run.getMetadata().getName();
    String specStatus = Nested.string(spec, "status");
    status.putIfAbsent("startTime", Times.format(ctx.now));
    if (specStatus.equals("PipelineRunPending")) {
      Nested.setCondition(status, "Succeeded", "Unknown", "PipelineRunPending", "PipelineRun \"" + name
          + "\" is pending", ctx.now);
      return;
    }
    Map<String, Object> pipelineSpec = Nested.map(status.get("pipelineSpec"));
    if (pipelineSpec.isEmpty()) {
      pipelineSpec = Nested.map(spec.get("pipelineSpec"));
      if (!pipelineSpec.isEmpty()) {
        status.put("pipelineSpec", Nested.copy(pipelineSpec));
      }
    }
    List<Map<String, Object>> tasks = Nested.maps(pipelineSpec.get("tasks"));
    Map<String, GenericKubernetesResource> children = new LinkedHashMap<>();
    for (Map<String, Object> ref : Nested.maps(status.get("childReferences"))) {
      GenericKubernetesResource tr = taskRuns.get(key(run.getMetadata().getNamespace(), Nested.string(ref, "name")));
      if (tr != null) {
        children.put(Nested.string(ref, "pipelineTaskName"), tr);
      }
    }
    if (CANCEL.contains(specStatus)) {
      cancel(ctx, run, status, children);
      return;
    }
    boolean failed = children.values().stream().anyMatch(tr -> outcome(tr).equals("False"));
    // A failed (or cancelled) task stops the scheduling of the others.
    if (!failed) {
      for (Map<String, Object> task : tasks) {
        String taskName = Nested.string(task, "name");
        boolean ready = !children.containsKey(taskName) && runAfter(task).stream()
            .allMatch(t -> children.containsKey(t) && outcome(children.get(t)).equals("True"));
        if (ready) {
          GenericKubernetesResource tr = create(ctx, run, spec, task);
          if (tr != null) {
            children.put(taskName, tr);
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("apiVersion", "tekton.dev/v1");
            ref.put("kind", "TaskRun");
            ref.put("name", tr.getMetadata().getName());
            ref.put("pipelineTaskName", taskName);
            Nested.list(status, "childReferences").add(ref);
          }
        }
      }
    }
    int succeeded = 0;
    int failedCount = 0;
    int cancelled = 0;
    int running = 0;
    for (GenericKubernetesResource tr : children.values()) {
      switch (outcome(tr)) {
        case "True" -> succeeded++;
        case "False" -> {
          // Tekton counts a TaskRun cancelled on its own apart from the failed ones.
          if (TaskRunController.CANCELLED.equals(Nested.string(Nested.map(Nested.condition(Nested.map(
              tr.getAdditionalProperties().get("status")), "Succeeded")), "reason"))) {
            cancelled++;
          } else {
            failedCount++;
          }
        }
        default -> running++;
      }
    }
    int completed = succeeded + failedCount + cancelled;
    int notStarted = tasks.size() - children.size();
    if (running > 0 || (failedCount + cancelled == 0 && notStarted > 0)) {
      String message = "Tasks Completed: %d (Failed: %d, Cancelled %d), Incomplete: %d, Skipped: 0".formatted(
          completed, failedCount, cancelled, running + notStarted);
      Nested.setCondition(status, "Succeeded", "Unknown", "Running", message, ctx.now);
      return;
    }
    status.put("completionTime", Times.format(ctx.now));
    if (failedCount + cancelled > 0) {
      for (Map<String, Object> task : tasks) {
        if (!children.containsKey(Nested.string(task, "name"))) {
          Map<String, Object> skipped = new LinkedHashMap<>();
          skipped.put("name", task.get("name"));
          skipped.put("reason", "PipelineRun was stopping");
          Nested.list(status, "skippedTasks").add(skipped);
        }
      }
      String message = "Tasks Completed: %d (Failed: %d, Cancelled %d), Skipped: %d".formatted(completed,
          failedCount, cancelled, notStarted);
      Nested.setCondition(status, "Succeeded", "False", "Failed", message, ctx.now);
      ctx.events.record(run, "Warning", "Failed", message, "PipelineRun", null);
    } else {
      String message = "Tasks Completed: %d (Failed: 0, Cancelled 0), Skipped: 0".formatted(succeeded);
      Nested.setCondition(status, "Succeeded", "True", "Succeeded", message, ctx.now);
      ctx.events.record(run, "Normal", "Succeeded", message, "PipelineRun", null);
    }
  }

  /** Cancels the run's unfinished TaskRuns (the TaskRun controller stops them) and ends the run Cancelled. */
  private static void cancel(SimulationContext ctx, GenericKubernetesResource run, Map<String, Object> status,
      Map<String, GenericKubernetesResource> children) {
    for (GenericKubernetesResource tr : children.values()) {
      if (outcome(tr).equals("Unknown")) {
        ctx.attempt("cancel " + tr.getMetadata().getName(), () -> ctx.client
            .genericKubernetesResources(SimulationContext.TASK_RUNS).inNamespace(tr.getMetadata().getNamespace())
            .withName(tr.getMetadata().getName()).edit(t -> {
              Map<String, Object> spec = Nested.child(t.getAdditionalProperties(), "spec");
              spec.put("status", TaskRunController.CANCELLED);
              spec.put("statusMessage", CANCELLED_BY_PIPELINE);
              return t;
            }));
      }
    }
    status.put("completionTime", Times.format(ctx.now));
    String message = "PipelineRun \"" + run.getMetadata().getName() + "\" was cancelled";
    Nested.setCondition(status, "Succeeded", "False", "Cancelled", message, ctx.now);
    ctx.events.record(run, "Warning", "Cancelled", message, "PipelineRun", null);
  }

  /** A new TaskRun for a pipeline task, created through the API; null when the create failed. */
  private static @Nullable GenericKubernetesResource create(SimulationContext ctx, GenericKubernetesResource run,
      Map<String, Object> runSpec, Map<String, Object> task) {
    String namespace = run.getMetadata().getNamespace();
    String taskName = Nested.string(task, "name");
    Map<String, String> params = new HashMap<>();
    Nested.maps(runSpec.get("params")).forEach(p -> params.put(Nested.string(p, "name"), Nested.string(p, "value")));
    Map<String, String> runLabels = run.getMetadata().getLabels() == null ? Map.of() : run.getMetadata().getLabels();
    Map<String, String> labels = new LinkedHashMap<>(runLabels);
    labels.put("app.kubernetes.io/managed-by", "tekton-pipelines");
    labels.putIfAbsent("tekton.dev/pipeline", Nested.string(Nested.map(runSpec.get("pipelineRef")), "name"));
    labels.put("tekton.dev/pipelineRun", run.getMetadata().getName());
    labels.put("tekton.dev/pipelineRunUID", run.getMetadata().getUid());
    labels.put("tekton.dev/pipelineTask", taskName);
    labels.put("tekton.dev/memberOf", "tasks");
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("serviceAccountName", Nested.string(Nested.map(runSpec.get("taskRunTemplate")), "serviceAccountName")
        .isEmpty() ? "default" : Nested.string(Nested.map(runSpec.get("taskRunTemplate")), "serviceAccountName"));
    spec.put("timeout", "1h0m0s");
    if (task.get("taskSpec") != null) {
      spec.put("taskSpec", substitute(task.get("taskSpec"), params));
    } else if (task.get("taskRef") != null) {
      spec.put("taskRef", task.get("taskRef"));
    }
    GenericKubernetesResource tr = new GenericKubernetesResource();
    tr.setApiVersion("tekton.dev/v1");
    tr.setKind("TaskRun");
    // Tekton propagates the run's labels and annotations to its TaskRuns.
    tr.setMetadata(new ObjectMetaBuilder().withName(run.getMetadata().getName() + "-" + taskName)
        .withNamespace(namespace).withLabels(labels)
        .withAnnotations(run.getMetadata().getAnnotations() == null ? Map.of()
            : new LinkedHashMap<>(run.getMetadata().getAnnotations()))
        .withOwnerReferences(PodFactory.controllerRef("tekton.dev/v1", "PipelineRun", run.getMetadata().getName(),
            run.getMetadata().getUid()))
        .build());
    tr.setAdditionalProperty("spec", spec);
    GenericKubernetesResource[] created = new GenericKubernetesResource[1];
    ctx.attempt("create " + tr.getMetadata().getName(), () -> created[0] = ctx.client
        .genericKubernetesResources(SimulationContext.TASK_RUNS).inNamespace(namespace).resource(tr).create());
    return created[0];
  }

  /** Replaces {@code $(params.x)} in every string of a task spec, as Tekton does before running it. */
  @SuppressWarnings("unchecked")
  private static Object substitute(Object value, Map<String, String> params) {
    if (value instanceof String text) {
      Matcher m = PARAM.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(out, Matcher.quoteReplacement(params.getOrDefault(m.group(1), m.group())));
      }
      m.appendTail(out);
      return out.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> out.put(k, substitute(v, params)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(v -> substitute(v, params)).toList();
    }
    return value;
  }

  private static List<String> runAfter(Map<String, Object> task) {
    return task.get("runAfter") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }

  static String outcome(GenericKubernetesResource taskRun) {
    return TektonPods.succeeded(Nested.map(taskRun.getAdditionalProperties().get("status")));
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
