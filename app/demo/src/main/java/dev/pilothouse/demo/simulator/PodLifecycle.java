package dev.pilothouse.demo.simulator;

import dev.pilothouse.demo.scenario.DemoAnnotations;
import dev.pilothouse.demo.scenario.NodePlacement;
import dev.pilothouse.demo.scenario.PodFactory;
import dev.pilothouse.demo.scenario.Times;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plays the scheduler and the kubelets, one step per pod per tick: an unscheduled pod is bound to a node (or gets
 * FailedScheduling), a bound pod starts its containers, and faulty pods keep failing the way their
 * {@link DemoAnnotations#FAULT} says: a crash-looping container alternates between running and CrashLoopBackOff
 * with its restart count going up, an OOM-prone one is killed now and then, an unready one keeps failing its probe.
 * A fault with {@link DemoAnnotations#FAULT_AFTER_TICKS} sleeps until that tick: the pod runs healthy until then.
 */
final class PodLifecycle implements Controller {

  /** A crash-looping container changes state (starts, or crashes) every this many ticks. */
  static final int CRASH_LOOP_PERIOD = 3;
  /** Failing probes and image pulls are reported every this many ticks. */
  static final int PROBE_PERIOD = 5;
  /** An OOM-prone container is killed on average once in this many ticks. */
  static final int OOM_ONE_IN = 20;

  @Override
  public void reconcile(SimulationContext ctx) {
    List<Node> nodes = ctx.client.nodes().list().getItems();
    List<Pod> pods = ctx.client.pods().inAnyNamespace().list().getItems();
    NodePlacement placement = new NodePlacement(nodes);
    pods.stream().filter(p -> !finished(p)).forEach(placement::account);
    for (Pod pod : pods) {
      if (pod.getMetadata().getDeletionTimestamp() != null || finished(pod)) {
        continue;
      }
      if (pod.getSpec().getNodeName() == null || pod.getSpec().getNodeName().isEmpty()) {
        schedule(ctx, placement, pod);
      } else if (notStarted(pod)) {
        start(ctx, pod, node(nodes, pod.getSpec().getNodeName()));
      } else {
        keepFailing(ctx, pod);
      }
    }
  }

  private void schedule(SimulationContext ctx, NodePlacement placement, Pod pod) {
    Optional<Node> node = placement.place(pod.getSpec());
    if (node.isEmpty()) {
      String message = placement.unschedulableMessage(pod.getSpec());
      boolean alreadyReported = pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
          .anyMatch(c -> c.getType().equals("PodScheduled") && message.equals(c.getMessage()));
      if (!alreadyReported) {
        PodFactory.unschedulable(pod, message, ctx.now);
        ctx.attempt("report unschedulable " + name(pod), () ->
            ctx.client.pods().inNamespace(ns(pod)).resource(pod).updateStatus());
      }
      ctx.events.record(pod, "Warning", "FailedScheduling", message, "default-scheduler", null);
      return;
    }
    String nodeName = node.get().getMetadata().getName();
    pod.getSpec().setNodeName(nodeName);
    boolean bound = ctx.attempt("bind " + name(pod), () -> {
      Pod updated = ctx.client.pods().inNamespace(ns(pod)).resource(pod).update();
      PodFactory.scheduled(updated, node.get(), ctx.now);
      updated.getStatus().setHostIP(PodFactory.internalIp(node.get()));
      updated.getStatus().setStartTime(Times.format(ctx.now));
      List<ContainerStatus> statuses = new ArrayList<>();
      updated.getSpec().getContainers().forEach(c -> statuses.add(new ContainerStatusBuilder().withName(c.getName())
          .withImage(c.getImage()).withImageID("").withReady(false).withStarted(false).withRestartCount(0)
          .withState(PodFactory.waiting("ContainerCreating", null)).build()));
      updated.getStatus().setContainerStatuses(statuses);
      ctx.client.pods().inNamespace(ns(pod)).resource(updated).updateStatus();
    });
    if (bound) {
      ctx.events.record(pod, "Normal", "Scheduled", "Successfully assigned " + ns(pod) + "/" + name(pod) + " to "
          + nodeName, "default-scheduler", null);
    }
  }

  private void start(SimulationContext ctx, Pod pod, Node node) {
    String ip = PodFactory.podIp(node, 100 + ctx.random.nextInt(150));
    PodFactory.running(pod, node, ctx.now, ip, ctx.random);
    String fault = fault(ctx, pod);
    String nodeName = node.getMetadata().getName();
    if (fault != null) {
      switch (fault) {
        case "crash-loop" -> {
          // First run: started, not ready; it crashes on the next tick.
          ContainerStatus main = pod.getStatus().getContainerStatuses().getFirst();
          main.setReady(false);
          pod.getStatus().setConditions(PodFactory.readyConditions(ctx.now, false, main.getName()));
        }
        case "image-pull-backoff", "not-ready" -> PodFactory.fault(pod, fault, ctx.now, ctx.now, ctx.random);
        default -> { }
      }
    }
    boolean started = ctx.attempt("start " + name(pod), () ->
        ctx.client.pods().inNamespace(ns(pod)).resource(pod).updateStatus());
    if (!started) {
      return;
    }
    String container = pod.getSpec().getContainers().getFirst().getName();
    if ("image-pull-backoff".equals(fault)) {
      ctx.events.record(pod, "Warning", "Failed", "Error: ImagePullBackOff", "kubelet", nodeName);
    } else {
      ctx.events.record(pod, "Normal", "Pulled", "Container image \"" + pod.getSpec().getContainers().getFirst()
          .getImage() + "\" already present on machine", "kubelet", nodeName);
      ctx.events.record(pod, "Normal", "Started", "Started container " + container, "kubelet", nodeName);
    }
  }

  private void keepFailing(SimulationContext ctx, Pod pod) {
    String fault = fault(ctx, pod);
    if (fault == null || pod.getStatus().getContainerStatuses() == null
        || pod.getStatus().getContainerStatuses().isEmpty()) {
      return;
    }
    ContainerStatus main = pod.getStatus().getContainerStatuses().getFirst();
    String node = pod.getSpec().getNodeName();
    switch (fault) {
      case "crash-loop" -> {
        if (!ctx.every(CRASH_LOOP_PERIOD)) {
          return;
        }
        if (main.getState().getWaiting() != null) {
          main.setState(running(ctx.now));
          main.setStarted(true);
        } else {
          Instant startedAt = main.getState().getRunning() == null ? ctx.now
              : Times.parse(main.getState().getRunning().getStartedAt());
          main.setLastState(PodFactory.terminated(1, "Error", startedAt, ctx.now));
          main.setRestartCount(main.getRestartCount() + 1);
          main.setStarted(false);
          main.setState(PodFactory.waiting("CrashLoopBackOff", "back-off restarting failed container="
              + main.getName() + " pod=" + name(pod) + "_" + ns(pod) + "(" + pod.getMetadata().getUid() + ")"));
          ctx.events.record(pod, "Warning", "BackOff", "Back-off restarting failed container " + main.getName()
              + " in pod " + name(pod) + "_" + ns(pod) + "(" + pod.getMetadata().getUid() + ")", "kubelet", node);
        }
        main.setReady(false);
        notReady(pod, main, ctx.now);
        ctx.attempt("crash " + name(pod), () -> ctx.client.pods().inNamespace(ns(pod)).resource(pod).updateStatus());
      }
      case "oom-kill" -> {
        if (ctx.random.nextInt(OOM_ONE_IN) != 0) {
          return;
        }
        Instant startedAt = main.getState().getRunning() == null ? ctx.now
            : Times.parse(main.getState().getRunning().getStartedAt());
        main.setLastState(PodFactory.terminated(137, "OOMKilled", startedAt, ctx.now));
        main.setRestartCount(main.getRestartCount() + 1);
        main.setState(running(ctx.now));
        ctx.attempt("oom-kill " + name(pod), () ->
            ctx.client.pods().inNamespace(ns(pod)).resource(pod).updateStatus());
        Node nodeObject = ctx.client.nodes().withName(node).get();
        if (nodeObject != null) {
          ctx.events.record(nodeObject, "Warning", "OOMKilling", "Memory cgroup out of memory: Killed process "
              + (2000 + ctx.random.nextInt(30000)) + " (python3)", "kernel-monitor", node);
        }
      }
      case "not-ready" -> {
        if (ctx.every(PROBE_PERIOD)) {
          ctx.events.record(pod, "Warning", "Unhealthy",
              "Readiness probe failed: HTTP probe failed with statuscode: 503", "kubelet", node);
        }
      }
      case "image-pull-backoff" -> {
        if (ctx.every(PROBE_PERIOD)) {
          ctx.events.record(pod, "Normal", "BackOff", "Back-off pulling image \"" + main.getImage() + "\"",
              "kubelet", node);
        }
      }
      default -> { }
    }
  }

  private static io.fabric8.kubernetes.api.model.ContainerState running(Instant at) {
    return new io.fabric8.kubernetes.api.model.ContainerStateBuilder().withNewRunning()
        .withStartedAt(Times.format(at)).endRunning().build();
  }

  static boolean finished(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private static boolean notStarted(Pod pod) {
    var statuses = pod.getStatus().getContainerStatuses();
    return statuses == null || statuses.isEmpty() || statuses.stream().allMatch(c -> c.getState() != null
        && c.getState().getWaiting() != null && "ContainerCreating".equals(c.getState().getWaiting().getReason()));
  }

  /** The pod's fault, unless it is still dormant ({@link DemoAnnotations#FAULT_AFTER_TICKS}). */
  private static @org.jspecify.annotations.Nullable String fault(SimulationContext ctx, Pod pod) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    if (annotations == null) {
      return null;
    }
    String after = annotations.get(DemoAnnotations.FAULT_AFTER_TICKS);
    if (after != null && ctx.tick < Long.parseLong(after.trim())) {
      return null;
    }
    return annotations.get(DemoAnnotations.FAULT);
  }

  /** The pod's Ready and ContainersReady conditions turn False when a container stops being ready. */
  private static void notReady(Pod pod, ContainerStatus container, Instant now) {
    if (pod.getStatus().getConditions() == null) {
      return;
    }
    for (var condition : pod.getStatus().getConditions()) {
      if ((condition.getType().equals("Ready") || condition.getType().equals("ContainersReady"))
          && !"False".equals(condition.getStatus())) {
        condition.setStatus("False");
        condition.setReason("ContainersNotReady");
        condition.setMessage("containers with unready status: [" + container.getName() + "]");
        condition.setLastTransitionTime(Times.format(now));
      }
    }
  }

  private static Node node(List<Node> nodes, String name) {
    return nodes.stream().filter(n -> n.getMetadata().getName().equals(name)).findFirst()
        .orElseGet(() -> {
          Node missing = new Node();
          missing.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).build());
          return missing;
        });
  }

  static String ns(Pod pod) {
    return pod.getMetadata().getNamespace();
  }

  static String name(Pod pod) {
    return pod.getMetadata().getName();
  }
}
