package dev.pilothouse.demo.simulator;

import dev.pilothouse.demo.scenario.DemoAnnotations;
import dev.pilothouse.demo.scenario.PodFactory;
import dev.pilothouse.demo.scenario.TektonPods;
import dev.pilothouse.demo.scenario.Times;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Tekton's TaskRun reconciler and the entrypoint binary in its pod: a new TaskRun gets a pod with one
 * {@code step-<name>} container per step; once the pod runs, its steps finish one after the other, one every
 * {@link #TICKS_PER_STEP} ticks, each container terminating as its step ends; {@code status.steps} and the
 * {@code Succeeded} condition follow the containers. A step fails when the TaskRun's
 * {@link DemoAnnotations#FAIL_STEP} names its pipeline task (its last step fails) or {@code task/step}.
 * {@code spec.status: TaskRunCancelled} stops it: the condition turns False with reason TaskRunCancelled, the
 * unfinished steps end with that reason and the pod is deleted.
 */
final class TaskRunController implements Controller {

  static final String CANCELLED = "TaskRunCancelled";
  /** A step runs for this many ticks. */
  static final int TICKS_PER_STEP = 3;

  /** When (which tick) the running step of each TaskRun started, by TaskRun uid and step name. */
  private final Map<String, Long> startedAtTick = new HashMap<>();

  @Override
  public void reconcile(SimulationContext ctx) {
    for (GenericKubernetesResource tr : ctx.customResources(SimulationContext.TASK_RUNS)) {
      Map<String, Object> status = Nested.child(tr.getAdditionalProperties(), "status");
      if (!TektonPods.succeeded(status).equals("Unknown")) {
        continue;
      }
      Object before = Nested.copy(status);
      Map<String, Object> spec = Nested.map(tr.getAdditionalProperties().get("spec"));
      if (CANCELLED.equals(spec.get("status"))) {
        cancel(ctx, tr, spec, status);
      } else if (status.get("podName") == null) {
        createPod(ctx, tr, status);
      } else {
        run(ctx, tr, status);
      }
      if (!Objects.equals(before, status)) {
        ctx.updateStatus(SimulationContext.TASK_RUNS, tr);
      }
    }
  }

  private void createPod(SimulationContext ctx, GenericKubernetesResource tr, Map<String, Object> status) {
    String podName = tr.getMetadata().getName() + "-pod";
    Pod pod = PodFactory.fromTemplate(TektonPods.template(tr), podName, tr.getMetadata().getNamespace(),
        PodFactory.controllerRef("tekton.dev/v1", "TaskRun", tr.getMetadata().getName(), tr.getMetadata().getUid()),
        Map.of(), ctx.now);
    pod.getMetadata().setCreationTimestamp(null);
    pod.setStatus(null);
    if (!ctx.attempt("create " + podName, () -> ctx.client.pods().inNamespace(tr.getMetadata().getNamespace())
        .resource(pod).create())) {
      return;
    }
    status.put("podName", podName);
    status.put("startTime", Times.format(ctx.now));
    Object taskSpec = Nested.map(tr.getAdditionalProperties().get("spec")).get("taskSpec");
    if (taskSpec != null) {
      status.put("taskSpec", Nested.copy(taskSpec));
    }
    List<Object> steps = new ArrayList<>();
    for (Map<String, Object> step : TektonPods.steps(tr)) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", step.get("name"));
      s.put("container", "step-" + step.get("name"));
      s.put("waiting", new LinkedHashMap<>(Map.of("reason", "PodInitializing")));
      steps.add(s);
    }
    status.put("steps", steps);
    Nested.setCondition(status, "Succeeded", "Unknown", "Pending", "Pending", ctx.now);
  }

  /** Ends the running step when it is due, then mirrors the containers into the TaskRun's status. */
  private void run(SimulationContext ctx, GenericKubernetesResource tr, Map<String, Object> status) {
    Pod pod = ctx.client.pods().inNamespace(tr.getMetadata().getNamespace())
        .withName(String.valueOf(status.get("podName"))).get();
    if (pod == null || pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase())
        || pod.getStatus().getContainerStatuses() == null) {
      return;
    }
    List<Map<String, Object>> steps = TektonPods.steps(tr);
    ContainerStatus current = null;
    String currentStep = null;
    for (Map<String, Object> step : steps) {
      ContainerStatus c = container(pod, "step-" + step.get("name"));
      if (c != null && c.getState() != null && c.getState().getTerminated() == null) {
        current = c;
        currentStep = String.valueOf(step.get("name"));
        break;
      }
    }
    if (current != null && current.getState().getRunning() != null) {
      String key = tr.getMetadata().getUid() + "/" + currentStep;
      long since = startedAtTick.computeIfAbsent(key, k -> ctx.tick);
      if (ctx.tick - since >= TICKS_PER_STEP) {
        startedAtTick.remove(key);
        boolean fails = fails(tr, currentStep, steps);
        Instant started = stepStart(pod, steps, current);
        current.setReady(false);
        current.setStarted(false);
        current.setState(PodFactory.terminated(fails ? 1 : 0, fails ? "Error" : "Completed", started, ctx.now));
        if (fails) {
          // The entrypoint skips the steps after a failed one.
          for (ContainerStatus c : pod.getStatus().getContainerStatuses()) {
            if (c.getState().getTerminated() == null) {
              c.setReady(false);
              c.setStarted(false);
              c.setState(PodFactory.terminated(1, "Error", ctx.now, ctx.now));
            }
          }
        }
        boolean allDone = pod.getStatus().getContainerStatuses().stream()
            .allMatch(c -> c.getState().getTerminated() != null);
        if (allDone) {
          pod.getStatus().setPhase(pod.getStatus().getContainerStatuses().stream()
              .allMatch(c -> c.getState().getTerminated().getExitCode() == 0) ? "Succeeded" : "Failed");
        }
        ctx.attempt("step of " + pod.getMetadata().getName(), () -> ctx.client.pods()
            .inNamespace(pod.getMetadata().getNamespace()).resource(pod).updateStatus());
      }
    }
    mirror(ctx, tr, status, pod, steps);
  }

  /** {@code status.steps} and the condition, from the step containers. */
  private static void mirror(SimulationContext ctx, GenericKubernetesResource tr, Map<String, Object> status,
      Pod pod, List<Map<String, Object>> steps) {
    List<Object> out = new ArrayList<>();
    String failedContainer = null;
    boolean allDone = true;
    for (Map<String, Object> step : steps) {
      String containerName = "step-" + step.get("name");
      ContainerStatus c = container(pod, containerName);
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", step.get("name"));
      s.put("container", containerName);
      if (c != null && c.getImageID() != null && !c.getImageID().isEmpty()) {
        s.put("imageID", c.getImageID());
      }
      if (c != null && c.getState().getTerminated() != null) {
        var t = c.getState().getTerminated();
        Map<String, Object> terminated = new LinkedHashMap<>();
        terminated.put("exitCode", t.getExitCode());
        terminated.put("reason", t.getReason());
        terminated.put("startedAt", t.getStartedAt());
        terminated.put("finishedAt", t.getFinishedAt());
        s.put("terminated", terminated);
        if (t.getExitCode() != 0 && failedContainer == null) {
          failedContainer = containerName;
        }
      } else if (c != null && c.getState().getRunning() != null) {
        s.put("running", new LinkedHashMap<>(Map.of("startedAt", c.getState().getRunning().getStartedAt())));
        allDone = false;
      } else {
        s.put("waiting", new LinkedHashMap<>(Map.of("reason", "PodInitializing")));
        allDone = false;
      }
      out.add(s);
    }
    status.put("steps", out);
    if (!allDone) {
      Nested.setCondition(status, "Succeeded", "Unknown", "Running", "Not all Steps in the Task have finished "
          + "executing", ctx.now);
      return;
    }
    status.put("completionTime", Times.format(ctx.now));
    if (failedContainer != null) {
      String message = "\"" + failedContainer + "\" exited with code 1";
      Nested.setCondition(status, "Succeeded", "False", "Failed", message, ctx.now);
      ctx.events.record(tr, "Warning", "Failed", message, "TaskRun", null);
    } else {
      Nested.setCondition(status, "Succeeded", "True", "Succeeded", "All Steps have completed executing", ctx.now);
    }
  }

  private void cancel(SimulationContext ctx, GenericKubernetesResource tr, Map<String, Object> spec,
      Map<String, Object> status) {
    String now = Times.format(ctx.now);
    for (Map<String, Object> step : Nested.maps(status.get("steps"))) {
      if (step.get("terminated") == null) {
        Map<String, Object> running = Nested.map(step.remove("running"));
        step.remove("waiting");
        Map<String, Object> terminated = new LinkedHashMap<>();
        terminated.put("exitCode", 1);
        terminated.put("reason", CANCELLED);
        terminated.put("startedAt", running.getOrDefault("startedAt", now));
        terminated.put("finishedAt", now);
        step.put("terminated", terminated);
      }
    }
    status.put("completionTime", now);
    String message = "TaskRun \"" + tr.getMetadata().getName() + "\" was cancelled. "
        + Nested.string(spec, "statusMessage");
    Nested.setCondition(status, "Succeeded", "False", CANCELLED, message.strip(), ctx.now);
    if (status.get("podName") != null) {
      // Tekton deletes the pod of a cancelled TaskRun.
      ctx.attempt("delete pod of " + tr.getMetadata().getName(), () -> ctx.client.pods()
          .inNamespace(tr.getMetadata().getNamespace()).withName(String.valueOf(status.get("podName"))).delete());
    }
    ctx.events.record(tr, "Warning", CANCELLED, message.strip(), "TaskRun", null);
  }

  private static boolean fails(GenericKubernetesResource tr, String step, List<Map<String, Object>> steps) {
    String failStep = tr.getMetadata().getAnnotations() == null ? null
        : tr.getMetadata().getAnnotations().get(DemoAnnotations.FAIL_STEP);
    if (failStep == null || tr.getMetadata().getLabels() == null) {
      return false;
    }
    String task = tr.getMetadata().getLabels().getOrDefault("tekton.dev/pipelineTask", "");
    String last = String.valueOf(steps.getLast().get("name"));
    return failStep.equals(task + "/" + step) || failStep.equals(task) && step.equals(last);
  }

  /** A step starts when the one before it ends (the entrypoint waits for it). */
  private static Instant stepStart(Pod pod, List<Map<String, Object>> steps, ContainerStatus current) {
    Instant start = Times.parse(current.getState().getRunning().getStartedAt());
    for (Map<String, Object> step : steps) {
      ContainerStatus c = container(pod, "step-" + step.get("name"));
      if (c == current) {
        break;
      }
      if (c != null && c.getState().getTerminated() != null
          && Times.parse(c.getState().getTerminated().getFinishedAt()).isAfter(start)) {
        start = Times.parse(c.getState().getTerminated().getFinishedAt());
      }
    }
    return start;
  }

  private static @Nullable ContainerStatus container(Pod pod, String name) {
    return pod.getStatus().getContainerStatuses().stream().filter(c -> c.getName().equals(name)).findFirst()
        .orElse(null);
  }
}
