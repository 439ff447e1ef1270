package dev.pilothouse.demo.scenario;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Shared state while one cluster's scenario is materialized: the clock, the seeded random, node placement, the
 * objects produced so far and the events the kubelet and controllers would have recorded.
 */
final class MaterializeContext {

  final String cluster;
  final Instant now;
  final Random random;
  final NodePlacement placement;
  final Map<String, Node> nodes = new HashMap<>();
  final List<HasMetadata> output = new ArrayList<>();
  final List<Event> events = new ArrayList<>();
  private final Map<String, Integer> podsPerNode = new HashMap<>();

  MaterializeContext(String cluster, Instant now, long seed, List<Node> nodes) {
    this.cluster = cluster;
    this.now = now;
    this.random = new Random(seed);
    this.placement = new NodePlacement(nodes);
    nodes.forEach(n -> this.nodes.put(n.getMetadata().getName(), n));
  }

  /** A stable uid for an object of this cluster. */
  String uid(String kind, String namespace, String name) {
    return UUID.nameUUIDFromBytes((cluster + "/" + kind + "/" + namespace + "/" + name)
        .getBytes(StandardCharsets.UTF_8)).toString();
  }

  void ensureUid(HasMetadata object) {
    if (object.getMetadata().getUid() == null) {
      object.getMetadata().setUid(uid(object.getKind(), object.getMetadata().getNamespace(),
          object.getMetadata().getName()));
    }
    if (object.getMetadata().getCreationTimestamp() == null) {
      object.getMetadata().setCreationTimestamp(Times.format(now.minus(Duration.ofDays(30))));
    }
  }

  Instant created(HasMetadata object) {
    return Times.parse(object.getMetadata().getCreationTimestamp());
  }

  /**
   * A controller's pod: scheduled and running since {@code started}, with the template's fault if this replica is
   * one it hits, or Pending when no node fits. Records the events such a pod produces.
   */
  Pod pod(PodTemplateSpec template, String name, String namespace, OwnerReference owner,
      Map<String, String> extraLabels, Instant started, int replicaIndex) {
    Pod pod = PodFactory.fromTemplate(template, name, namespace, owner, extraLabels, started.minusSeconds(5));
    pod.getMetadata().setUid(uid("Pod", namespace, name));
    Optional<Node> node = placement.place(pod.getSpec());
    if (node.isEmpty()) {
      String message = placement.unschedulableMessage(pod.getSpec());
      PodFactory.unschedulable(pod, message, started);
      events.add(EventFactory.event(pod, "Warning", "FailedScheduling", message, "default-scheduler", null, null,
          1 + (int) Duration.between(started, now).toMinutes() / 5, started, now.minusSeconds(30 + random.nextInt(200)),
          random));
    } else {
      run(pod, node.get(), started);
      String fault = fault(template, replicaIndex);
      if (!hitByFault(template, replicaIndex) && pod.getMetadata().getAnnotations() != null) {
        // Only the pods a fault hits carry it, so the simulator can tell them apart later.
        pod.getMetadata().getAnnotations().remove(DemoAnnotations.FAULT);
        pod.getMetadata().getAnnotations().remove(DemoAnnotations.FAULT_REPLICAS);
        pod.getMetadata().getAnnotations().remove(DemoAnnotations.FAULT_AFTER_TICKS);
      }
      if (fault != null) {
        PodFactory.fault(pod, fault, started, now, random);
        faultEvents(pod, node.get(), fault, started);
      }
    }
    output.add(pod);
    return pod;
  }

  /** Makes a pod Running on a node (the node's pod CIDR gives it an address). */
  void run(Pod pod, Node node, Instant started) {
    PodFactory.running(pod, node, started, nextPodIp(node), random);
  }

  String nextPodIp(Node node) {
    int index = podsPerNode.merge(node.getMetadata().getName(), 1, Integer::sum);
    return PodFactory.podIp(node, index);
  }

  /** The fault a replica shows at load time; none while it is dormant ({@link DemoAnnotations#FAULT_AFTER_TICKS}). */
  static @org.jspecify.annotations.Nullable String fault(PodTemplateSpec template, int replicaIndex) {
    if (!hitByFault(template, replicaIndex)
        || template.getMetadata().getAnnotations().containsKey(DemoAnnotations.FAULT_AFTER_TICKS)) {
      return null;
    }
    return template.getMetadata().getAnnotations().get(DemoAnnotations.FAULT);
  }

  /** Whether the template's fault hits this replica, now or once it wakes up. */
  static boolean hitByFault(PodTemplateSpec template, int replicaIndex) {
    var annotations = template.getMetadata() == null ? null : template.getMetadata().getAnnotations();
    if (annotations == null || !annotations.containsKey(DemoAnnotations.FAULT)) {
      return false;
    }
    String replicas = annotations.get(DemoAnnotations.FAULT_REPLICAS);
    return replicas == null || replicaIndex < Integer.parseInt(replicas.trim());
  }

  private void faultEvents(Pod pod, Node node, String fault, Instant started) {
    String host = node.getMetadata().getName();
    ContainerStatus main = pod.getStatus().getContainerStatuses().getFirst();
    String field = "spec.containers{" + main.getName() + "}";
    Instant recent = now.minusSeconds(20 + random.nextInt(100));
    switch (fault) {
      case "crash-loop" -> events.add(EventFactory.event(pod, "Warning", "BackOff",
          "Back-off restarting failed container " + main.getName() + " in pod " + pod.getMetadata().getName() + "_"
              + pod.getMetadata().getNamespace() + "(" + pod.getMetadata().getUid() + ")",
          "kubelet", host, field, main.getRestartCount() * 4, started.plusSeconds(60), recent, random));
      case "oom-kill" -> events.add(EventFactory.event(node, "Warning", "OOMKilling",
          "Memory cgroup out of memory: Killed process " + (2000 + random.nextInt(30000)) + " (python3) total-vm:"
              + (40_000_000 + random.nextInt(9_000_000)) + "kB, anon-rss:" + (31_000_000 + random.nextInt(900_000))
              + "kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:63112kB oom_score_adj:999",
          "kernel-monitor", host, null, main.getRestartCount(), started.plusSeconds(600), recent, random));
      case "image-pull-backoff" -> {
        events.add(EventFactory.event(pod, "Warning", "Failed", "Failed to pull image \"" + main.getImage()
            + "\": rpc error: code = NotFound desc = failed to pull and unpack image \"" + main.getImage()
            + "\": failed to resolve reference \"" + main.getImage() + "\": not found", "kubelet", host, field,
            6, started, recent, random));
        events.add(EventFactory.event(pod, "Normal", "BackOff", "Back-off pulling image \"" + main.getImage() + "\"",
            "kubelet", host, field, 40, started.plusSeconds(30), recent, random));
      }
      case "not-ready" -> events.add(EventFactory.event(pod, "Warning", "Unhealthy",
          "Readiness probe failed: HTTP probe failed with statuscode: 503", "kubelet", host, field,
          (int) Math.max(3, Duration.between(started, now).toMinutes() * 6), started.plusSeconds(30), recent,
          random));
      default -> { }
    }
  }

  static int readyCount(List<Pod> pods) {
    int ready = 0;
    for (Pod p : pods) {
      var conditions = p.getStatus().getConditions();
      if (conditions != null && conditions.stream().anyMatch(c -> c.getType().equals("Ready")
          && c.getStatus().equals("True"))) {
        ready++;
      }
    }
    return ready;
  }
}
