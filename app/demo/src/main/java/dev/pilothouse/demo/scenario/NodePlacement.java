package dev.pilothouse.demo.scenario;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A small scheduler: Ready nodes only, nodeSelector, NoSchedule taints against tolerations, and GPU accounting
 * ({@code nvidia.com/gpu} requests against allocatable). Among feasible nodes it picks the least loaded, so pods
 * spread. CPU and memory are not accounted: GPUs are what is scarce in this scenario.
 */
public final class NodePlacement {

  public static final String GPU = "nvidia.com/gpu";

  private final List<Node> nodes;
  private final Map<String, Integer> gpusUsed = new HashMap<>();
  private final Map<String, Integer> podsPlaced = new HashMap<>();

  public NodePlacement(List<Node> nodes) {
    this.nodes = nodes.stream().sorted(Comparator.comparing(n -> n.getMetadata().getName())).toList();
  }

  /** Accounts for a pod that already runs on a node. */
  public void account(Pod pod) {
    String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    if (node != null) {
      gpusUsed.merge(node, gpuRequest(pod.getSpec()), Integer::sum);
      podsPlaced.merge(node, 1, Integer::sum);
    }
  }

  /** Picks a node and reserves its GPUs; empty when no node fits (the pod stays Pending). */
  public Optional<Node> place(PodSpec spec) {
    int gpus = gpuRequest(spec);
    Optional<Node> chosen = nodes.stream()
        .filter(NodePlacement::isReady)
        .filter(n -> selects(spec, n))
        .filter(n -> tolerates(spec, n))
        .filter(n -> gpuAllocatable(n) - gpusUsed.getOrDefault(name(n), 0) >= gpus)
        .min(Comparator.comparingInt((Node n) -> podsPlaced.getOrDefault(name(n), 0)).thenComparing(NodePlacement::name));
    chosen.ifPresent(n -> {
      gpusUsed.merge(name(n), gpus, Integer::sum);
      podsPlaced.merge(name(n), 1, Integer::sum);
    });
    return chosen;
  }

  /** Nodes a DaemonSet with this pod spec runs on. */
  public List<Node> daemonNodes(PodSpec spec) {
    return nodes.stream().filter(NodePlacement::isReady).filter(n -> selects(spec, n)).filter(n -> tolerates(spec, n))
        .toList();
  }

  /** The scheduler's explanation when {@link #place} finds nothing, in its usual wording. */
  public String unschedulableMessage(PodSpec spec) {
    int gpus = gpuRequest(spec);
    long notReady = nodes.stream().filter(n -> !isReady(n)).count();
    long selectorMismatch = nodes.stream().filter(NodePlacement::isReady).filter(n -> !selects(spec, n)).count();
    long taints = nodes.stream().filter(NodePlacement::isReady).filter(n -> selects(spec, n))
        .filter(n -> !tolerates(spec, n)).count();
    long noGpu = nodes.size() - notReady - selectorMismatch - taints;
    StringBuilder m = new StringBuilder("0/" + nodes.size() + " nodes are available: ");
    java.util.List<String> reasons = new java.util.ArrayList<>();
    if (noGpu > 0 && gpus > 0) {
      reasons.add(noGpu + " Insufficient " + GPU);
    }
    if (notReady > 0) {
      reasons.add(notReady + " node(s) had untolerated taint {node.kubernetes.io/unreachable: }");
    }
    if (selectorMismatch > 0) {
      reasons.add(selectorMismatch + " node(s) didn't match Pod's node affinity/selector");
    }
    if (taints > 0) {
      reasons.add(taints + " node(s) had untolerated taint {" + GPU + ": present}");
    }
    m.append(String.join(", ", reasons)).append(". preemption: 0/").append(nodes.size())
        .append(" nodes are available: ").append(nodes.size()).append(" Preemption is not helpful for scheduling.");
    return m.toString();
  }

  public static boolean isReady(Node node) {
    if (node.getStatus() == null || node.getStatus().getConditions() == null) {
      return false;
    }
    for (NodeCondition c : node.getStatus().getConditions()) {
      if ("Ready".equals(c.getType())) {
        return "True".equals(c.getStatus());
      }
    }
    return false;
  }

  public static int gpuRequest(PodSpec spec) {
    int total = 0;
    for (Container c : spec.getContainers()) {
      if (c.getResources() == null) {
        continue;
      }
      Quantity q = c.getResources().getLimits() == null ? null : c.getResources().getLimits().get(GPU);
      if (q == null && c.getResources().getRequests() != null) {
        q = c.getResources().getRequests().get(GPU);
      }
      if (q != null) {
        total += Integer.parseInt(q.getAmount());
      }
    }
    return total;
  }

  private static int gpuAllocatable(Node node) {
    Map<String, Quantity> allocatable = node.getStatus() == null ? null : node.getStatus().getAllocatable();
    Quantity q = allocatable == null ? null : allocatable.get(GPU);
    return q == null ? 0 : Integer.parseInt(q.getAmount());
  }

  private static boolean selects(PodSpec spec, Node node) {
    Map<String, String> selector = spec.getNodeSelector();
    if (selector == null || selector.isEmpty()) {
      return true;
    }
    Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
    return selector.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
  }

  private static boolean tolerates(PodSpec spec, Node node) {
    if (node.getSpec() == null || node.getSpec().getTaints() == null) {
      return true;
    }
    for (Taint taint : node.getSpec().getTaints()) {
      if (!"NoSchedule".equals(taint.getEffect()) && !"NoExecute".equals(taint.getEffect())) {
        continue;
      }
      boolean tolerated = spec.getTolerations() != null && spec.getTolerations().stream()
          .anyMatch(t -> tolerates(t, taint));
      if (!tolerated) {
        return false;
      }
    }
    return true;
  }

  private static boolean tolerates(Toleration t, Taint taint) {
    if (t.getEffect() != null && !t.getEffect().isEmpty() && !t.getEffect().equals(taint.getEffect())) {
      return false;
    }
    if ("Exists".equals(t.getOperator())) {
      return t.getKey() == null || t.getKey().isEmpty() || t.getKey().equals(taint.getKey());
    }
    return Objects.equals(t.getKey(), taint.getKey()) && Objects.equals(t.getValue(), taint.getValue());
  }

  private static String name(Node n) {
    return n.getMetadata().getName();
  }
}
