package dev.pilothouse.demo.scenario;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddressBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfoBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills in what a kubelet reports about its node, so scenario files only state what matters (pool, GPU model,
 * capacity, taints, an unhealthy condition): standard labels, addresses, pod CIDR, allocatable, node info, and the
 * four conditions with fresh heartbeats ({@code Ready=Unknown} stays stale, as for a node that stopped reporting).
 */
final class NodeDefaults {

  private NodeDefaults() {}

  static void complete(Node node, int index, Instant now) {
    String name = node.getMetadata().getName();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("kubernetes.io/hostname", name);
    labels.put("kubernetes.io/os", "linux");
    labels.put("kubernetes.io/arch", "amd64");
    labels.put("beta.kubernetes.io/os", "linux");
    labels.put("beta.kubernetes.io/arch", "amd64");
    if (node.getMetadata().getLabels() != null) {
      labels.putAll(node.getMetadata().getLabels());
    }
    node.getMetadata().setLabels(labels);
    if (node.getSpec() == null) {
      node.setSpec(new NodeSpec());
    }
    node.getSpec().setPodCIDR("10.244." + index + ".0/24");
    node.getSpec().setPodCIDRs(List.of("10.244." + index + ".0/24"));
    node.getSpec().setProviderID("gce://pilothouse-demo/us-central1-a/" + name);
    NodeStatus status = node.getStatus() == null ? new NodeStatus() : node.getStatus();
    node.setStatus(status);
    Map<String, Quantity> capacity = new LinkedHashMap<>(status.getCapacity() == null ? Map.of()
        : status.getCapacity());
    capacity.putIfAbsent("pods", new Quantity("110"));
    capacity.putIfAbsent("ephemeral-storage", new Quantity("203056560Ki"));
    status.setCapacity(capacity);
    if (status.getAllocatable() == null || status.getAllocatable().isEmpty()) {
      Map<String, Quantity> allocatable = new LinkedHashMap<>(capacity);
      Quantity cpu = capacity.get("cpu");
      if (cpu != null) {
        // The kubelet reserves a slice for system daemons.
        allocatable.put("cpu", new Quantity((Integer.parseInt(cpu.getAmount()) * 1000 - 260) + "m"));
      }
      status.setAllocatable(allocatable);
    }
    status.setAddresses(List.of(
        new NodeAddressBuilder().withType("InternalIP").withAddress("10.128.0." + (10 + index)).build(),
        new NodeAddressBuilder().withType("Hostname").withAddress(name).build()));
    status.setNodeInfo(new NodeSystemInfoBuilder()
        .withKubeletVersion("v1.32.0-gke.1448000").withKubeProxyVersion("v1.32.0-gke.1448000")
        .withContainerRuntimeVersion("containerd://1.7.24").withOsImage("Container-Optimized OS from Google")
        .withKernelVersion("6.6.56+").withOperatingSystem("linux").withArchitecture("amd64")
        .withMachineID(Integer.toHexString(name.hashCode()) + "0".repeat(24))
        .withSystemUUID(java.util.UUID.nameUUIDFromBytes(name.getBytes()).toString())
        .withBootID(java.util.UUID.nameUUIDFromBytes((name + "/boot").getBytes()).toString())
        .build());
    status.setConditions(conditions(status.getConditions(), node.getMetadata().getCreationTimestamp(), now));
  }

  private static List<NodeCondition> conditions(List<NodeCondition> authored, String created, Instant now) {
    Map<String, NodeCondition> byType = new LinkedHashMap<>();
    byType.put("MemoryPressure", healthy("MemoryPressure", "KubeletHasSufficientMemory",
        "kubelet has sufficient memory available", created, now));
    byType.put("DiskPressure", healthy("DiskPressure", "KubeletHasNoDiskPressure", "kubelet has no disk pressure",
        created, now));
    byType.put("PIDPressure", healthy("PIDPressure", "KubeletHasSufficientPID", "kubelet has sufficient PID available",
        created, now));
    byType.put("Ready", new NodeConditionBuilder().withType("Ready").withStatus("True").withReason("KubeletReady")
        .withMessage("kubelet is posting ready status").withLastHeartbeatTime(Times.format(now))
        .withLastTransitionTime(created).build());
    if (authored != null) {
      for (NodeCondition c : authored) {
        NodeCondition base = byType.getOrDefault(c.getType(), c);
        base.setStatus(c.getStatus());
        base.setReason(c.getReason() != null ? c.getReason() : base.getReason());
        base.setMessage(c.getMessage() != null ? c.getMessage() : base.getMessage());
        base.setLastTransitionTime(c.getLastTransitionTime() != null ? c.getLastTransitionTime()
            : base.getLastTransitionTime());
        base.setLastHeartbeatTime(c.getLastHeartbeatTime() != null ? c.getLastHeartbeatTime()
            : Times.format(now));
        byType.put(c.getType(), base);
      }
    }
    return new ArrayList<>(byType.values());
  }

  private static NodeCondition healthy(String type, String reason, String message, String created, Instant now) {
    return new NodeConditionBuilder().withType(type).withStatus("False").withReason(reason).withMessage(message)
        .withLastHeartbeatTime(Times.format(now)).withLastTransitionTime(created).build();
  }
}
