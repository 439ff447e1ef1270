package dev.pilothouse.demo.scenario;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIPBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Pods as controllers create them and as the kubelet reports them: created from a template with an owner, then
 * Running and ready, or in one of the scenario's faults (crash loop, OOM kill, image pull back-off, failing
 * readiness), or Pending when nothing can run them.
 */
public final class PodFactory {

  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private PodFactory() {}

  /** A new pod from a template, owned by its controller, not yet scheduled. */
  public static Pod fromTemplate(PodTemplateSpec template, String name, String namespace, OwnerReference owner,
      Map<String, String> extraLabels, Instant created) {
    PodTemplateSpec copy = Serialization.clone(template);
    ObjectMeta meta = new ObjectMeta();
    meta.setName(name);
    meta.setNamespace(namespace);
    Map<String, String> labels = new LinkedHashMap<>();
    if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) {
      labels.putAll(copy.getMetadata().getLabels());
    }
    labels.putAll(extraLabels);
    meta.setLabels(labels);
    if (copy.getMetadata() != null && copy.getMetadata().getAnnotations() != null) {
      meta.setAnnotations(new LinkedHashMap<>(copy.getMetadata().getAnnotations()));
    }
    meta.setOwnerReferences(List.of(owner));
    meta.setCreationTimestamp(Times.format(created));
    PodSpec spec = copy.getSpec();
    if (spec.getRestartPolicy() == null) {
      spec.setRestartPolicy("Always");
    }
    if (spec.getSchedulerName() == null) {
      spec.setSchedulerName("default-scheduler");
    }
    if (spec.getServiceAccountName() == null) {
      spec.setServiceAccountName("default");
    }
    if (spec.getTerminationGracePeriodSeconds() == null) {
      spec.setTerminationGracePeriodSeconds(30L);
    }
    if (spec.getDnsPolicy() == null) {
      spec.setDnsPolicy("ClusterFirst");
    }
    Pod pod = new Pod();
    pod.setApiVersion("v1");
    pod.setKind("Pod");
    pod.setMetadata(meta);
    pod.setSpec(spec);
    PodStatus status = new PodStatus();
    status.setPhase("Pending");
    status.setQosClass(qosClass(spec));
    pod.setStatus(status);
    return pod;
  }

  /** A controller reference, as the owning controller sets it on what it creates. */
  public static OwnerReference controllerRef(String apiVersion, String kind, String name, String uid) {
    OwnerReference ref = new OwnerReference();
    ref.setApiVersion(apiVersion);
    ref.setKind(kind);
    ref.setName(name);
    ref.setUid(uid);
    ref.setController(true);
    ref.setBlockOwnerDeletion(true);
    return ref;
  }

  /** "name-xxxxx" with a random 5-character suffix, like generateName. */
  public static String generatedName(String prefix, Random random) {
    StringBuilder s = new StringBuilder(prefix).append('-');
    for (int i = 0; i < 5; i++) {
      s.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
    }
    return s.toString();
  }

  /** Bound to a node but containers not started yet (image pull, container creation). */
  public static void scheduled(Pod pod, Node node, Instant at) {
    pod.getSpec().setNodeName(node.getMetadata().getName());
    PodStatus status = pod.getStatus();
    status.setConditions(new ArrayList<>(List.of(condition("PodScheduled", "True", at, null, null))));
  }

  /** Running with every container started and ready. */
  public static void running(Pod pod, Node node, Instant started, String podIp, Random random) {
    pod.getSpec().setNodeName(node.getMetadata().getName());
    PodStatus status = pod.getStatus();
    status.setPhase("Running");
    status.setHostIP(internalIp(node));
    status.setPodIP(podIp);
    status.setPodIPs(List.of(new PodIPBuilder().withIp(podIp).build()));
    status.setStartTime(Times.format(started.minusSeconds(3)));
    List<ContainerStatus> statuses = new ArrayList<>();
    for (Container c : pod.getSpec().getContainers()) {
      statuses.add(new ContainerStatusBuilder()
          .withName(c.getName()).withImage(c.getImage()).withImageID(imageId(c.getImage(), random))
          .withContainerID("containerd://" + hex(random, 32)).withReady(true).withStarted(true).withRestartCount(0)
          .withState(new ContainerStateBuilder().withNewRunning().withStartedAt(Times.format(started)).endRunning()
              .build())
          .build());
    }
    status.setContainerStatuses(statuses);
    status.setConditions(readyConditions(started, true, null));
  }

  /** Applies a fault (see {@link DemoAnnotations#FAULT}) to a pod that was made {@link #running}. */
  public static void fault(Pod pod, String fault, Instant started, Instant now, Random random) {
    PodStatus status = pod.getStatus();
    ContainerStatus main = status.getContainerStatuses().getFirst();
    long ageMinutes = Math.max(1, Duration.between(started, now).toMinutes());
    switch (fault) {
      case "crash-loop" -> {
        int restarts = (int) Math.min(80, 3 + ageMinutes / 5);
        Instant lastStart = now.minusSeconds(40 + random.nextInt(200));
        main.setReady(false);
        main.setStarted(false);
        main.setRestartCount(restarts);
        main.setState(waiting("CrashLoopBackOff", "back-off 5m0s restarting failed container=" + main.getName()
            + " pod=" + pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace() + "("
            + pod.getMetadata().getUid() + ")"));
        main.setLastState(terminated(1, "Error", lastStart, lastStart.plusSeconds(3 + random.nextInt(6))));
        status.setConditions(readyConditions(started, false, main.getName()));
      }
      case "oom-kill" -> {
        int restarts = 1 + random.nextInt(4);
        Instant restarted = now.minusSeconds(300 + random.nextInt(3000));
        main.setRestartCount(restarts);
        main.setLastState(terminated(137, "OOMKilled", started, restarted.minusSeconds(1)));
        main.setState(new ContainerStateBuilder().withNewRunning().withStartedAt(Times.format(restarted))
            .endRunning().build());
      }
      case "image-pull-backoff" -> {
        main.setReady(false);
        main.setStarted(false);
        main.setContainerID(null);
        main.setImageID("");
        main.setState(waiting("ImagePullBackOff", "Back-off pulling image \"" + main.getImage() + "\""));
        status.setPhase("Pending");
        status.setStartTime(Times.format(started));
        status.setConditions(readyConditions(started, false, main.getName()));
      }
      case "not-ready" -> {
        main.setReady(false);
        status.setConditions(readyConditions(started, false, main.getName()));
      }
      default -> throw new IllegalArgumentException("unknown fault '" + fault + "' on pod "
          + pod.getMetadata().getName() + " (expected crash-loop, oom-kill, image-pull-backoff or not-ready)");
    }
  }

  /** Pending because no node fits. */
  public static void unschedulable(Pod pod, String message, Instant at) {
    pod.getStatus().setConditions(new ArrayList<>(List.of(
        condition("PodScheduled", "False", at, "Unschedulable", message))));
  }

  /** A container that ran to completion (or was killed): the pod is Succeeded or Failed. */
  public static void finished(Pod pod, Node node, Instant started, Instant finished, int exitCode, String reason,
      String podIp, Random random) {
    running(pod, node, started, podIp, random);
    PodStatus status = pod.getStatus();
    status.setPhase(exitCode == 0 ? "Succeeded" : "Failed");
    for (ContainerStatus c : status.getContainerStatuses()) {
      c.setReady(false);
      c.setStarted(false);
      c.setState(terminated(exitCode, reason, started, finished));
    }
    status.setConditions(readyConditions(started, false, null));
    for (PodCondition c : status.getConditions()) {
      if (c.getType().equals("Ready") || c.getType().equals("ContainersReady")) {
        c.setReason("PodCompleted");
        c.setLastTransitionTime(Times.format(finished));
      }
    }
  }

  public static ContainerState waiting(String reason, String message) {
    return new ContainerStateBuilder().withNewWaiting().withReason(reason).withMessage(message).endWaiting().build();
  }

  public static ContainerState terminated(int exitCode, String reason, Instant started, Instant finished) {
    return new ContainerStateBuilder().withNewTerminated().withExitCode(exitCode).withReason(reason)
        .withStartedAt(Times.format(started)).withFinishedAt(Times.format(finished))
        .withContainerID("containerd://" + Long.toHexString(finished.getEpochSecond() * 7919 + exitCode))
        .endTerminated().build();
  }

  public static List<PodCondition> readyConditions(Instant started, boolean ready, @Nullable String notReadyContainer) {
    String message = notReadyContainer == null ? null : "containers with unready status: [" + notReadyContainer + "]";
    String reason = ready ? null : "ContainersNotReady";
    List<PodCondition> conditions = new ArrayList<>();
    conditions.add(condition("PodReadyToStartContainers", "True", started.minusSeconds(2), null, null));
    conditions.add(condition("Initialized", "True", started.minusSeconds(3), null, null));
    conditions.add(condition("Ready", ready ? "True" : "False", started.plusSeconds(ready ? 20 : 0), reason,
        message));
    conditions.add(condition("ContainersReady", ready ? "True" : "False", started.plusSeconds(ready ? 20 : 0),
        reason, message));
    conditions.add(condition("PodScheduled", "True", started.minusSeconds(5), null, null));
    return conditions;
  }

  public static PodCondition condition(String type, String status, Instant at, @Nullable String reason,
      @Nullable String message) {
    return new PodConditionBuilder().withType(type).withStatus(status).withLastTransitionTime(Times.format(at))
        .withReason(reason).withMessage(message).build();
  }

  public static String internalIp(Node node) {
    if (node.getStatus() != null && node.getStatus().getAddresses() != null) {
      for (NodeAddress a : node.getStatus().getAddresses()) {
        if ("InternalIP".equals(a.getType())) {
          return a.getAddress();
        }
      }
    }
    return "10.128.0.2";
  }

  /** A pod IP inside the node's pod CIDR (10.244.N.0/24 in this scenario). */
  public static String podIp(Node node, int index) {
    String cidr = node.getSpec() != null && node.getSpec().getPodCIDR() != null
        ? node.getSpec().getPodCIDR() : "10.244.0.0/24";
    String base = cidr.substring(0, cidr.lastIndexOf('.'));
    return base + "." + (2 + index % 250);
  }

  static String qosClass(PodSpec spec) {
    boolean any = false;
    boolean guaranteed = true;
    for (Container c : spec.getContainers()) {
      var r = c.getResources();
      var requests = r == null || r.getRequests() == null ? Map.<String, io.fabric8.kubernetes.api.model.Quantity>of()
          : r.getRequests();
      var limits = r == null || r.getLimits() == null ? Map.<String, io.fabric8.kubernetes.api.model.Quantity>of()
          : r.getLimits();
      any |= !requests.isEmpty() || !limits.isEmpty();
      for (String resource : List.of("cpu", "memory")) {
        var limit = limits.get(resource);
        var request = requests.getOrDefault(resource, limit);
        if (limit == null || !limit.equals(request)) {
          guaranteed = false;
        }
      }
    }
    return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
  }

  private static String imageId(String image, Random random) {
    String repository = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
    return repository + "@sha256:" + hex(random, 32);
  }

  private static String hex(Random random, int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
