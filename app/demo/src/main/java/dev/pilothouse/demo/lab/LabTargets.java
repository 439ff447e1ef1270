package dev.pilothouse.demo.lab;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the lab exports metrics for, read from the emulated cluster the way exporters find their targets: GPUs of
 * GPU nodes (the DCGM exporter's view, with the pod holding each GPU), model servers by their image (vLLM, Triton,
 * TGI, KServe predictors) and nodes for cost.
 *
 * @param gpus         every GPU of every GPU node
 * @param modelServers every running model-server pod
 * @param nodes        every node with its hourly price
 */
record LabTargets(List<Gpu> gpus, List<ModelServer> modelServers, List<PricedNode> nodes) {

  /** One GPU: node, index and the pod holding it ("" when idle). */
  record Gpu(String node, int index, String product, String namespace, String pod, String container) {
    String uuid() {
      // Stable and unique, shaped like a real GPU UUID.
      String hex = String.format("%08x", (node + "/" + index).hashCode());
      return "GPU-" + hex + "-" + String.format("%04x", index) + "-4e2f-9b1c-" + hex + "a1b2";
    }
  }

  /** A model-server pod and the server it runs. */
  record ModelServer(Server server, String namespace, String pod, String model) {
  }

  /** The model servers whose metrics the lab knows. */
  enum Server {
    VLLM, TRITON, TGI, KSERVE
  }

  /** A node, whether it has GPUs, and what it costs per hour. */
  record PricedNode(String name, int gpus, double hourlyCost, double gpuHourlyCost) {
  }

  static LabTargets read(KubernetesClient client) {
    List<Node> nodes = client.nodes().list().getItems();
    List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
    Map<String, List<Pod>> gpuPodsByNode = new LinkedHashMap<>();
    List<ModelServer> servers = new ArrayList<>();
    for (Pod pod : pods) {
      if (!"Running".equals(pod.getStatus() == null ? null : pod.getStatus().getPhase())) {
        continue;
      }
      if (gpusRequested(pod) > 0 && pod.getSpec().getNodeName() != null) {
        gpuPodsByNode.computeIfAbsent(pod.getSpec().getNodeName(), n -> new ArrayList<>()).add(pod);
      }
      modelServer(pod).ifPresent(servers::add);
    }
    List<Gpu> gpus = new ArrayList<>();
    List<PricedNode> priced = new ArrayList<>();
    for (Node node : nodes) {
      String name = node.getMetadata().getName();
      int count = capacity(node, "nvidia.com/gpu");
      priced.add(new PricedNode(name, count, count > 0 ? 3.2 + 4.1 * count : 0.78, count > 0 ? 4.1 : 0));
      String product = node.getMetadata().getLabels() == null ? "NVIDIA GPU"
          : node.getMetadata().getLabels().getOrDefault("nvidia.com/gpu.product", "NVIDIA GPU").replace('-', ' ');
      int next = 0;
      for (Pod pod : gpuPodsByNode.getOrDefault(name, List.of())) {
        String container = pod.getSpec().getContainers().getFirst().getName();
        for (int i = 0; i < gpusRequested(pod) && next < count; i++) {
          gpus.add(new Gpu(name, next++, product, pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
              container));
        }
      }
      while (next < count) {
        gpus.add(new Gpu(name, next++, product, "", "", ""));
      }
    }
    return new LabTargets(gpus, servers, priced);
  }

  private static Optional<ModelServer> modelServer(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
    String model = labels.getOrDefault("modelregistry.kubeflow.org/model-name",
        labels.getOrDefault("serving.kserve.io/inferenceservice",
            labels.getOrDefault("app.kubernetes.io/name", pod.getMetadata().getName())));
    String image = pod.getSpec().getContainers().stream().map(Container::getImage).findFirst().orElse("");
    Server server = null;
    if (image.contains("vllm")) {
      server = Server.VLLM;
    } else if (image.contains("tritonserver")) {
      server = Server.TRITON;
    } else if (image.contains("text-generation-inference")) {
      server = Server.TGI;
    } else if (labels.containsKey("serving.kserve.io/inferenceservice")) {
      server = Server.KSERVE;
    }
    return Optional.ofNullable(server)
        .map(s -> new ModelServer(s, pod.getMetadata().getNamespace(), pod.getMetadata().getName(), model));
  }

  private static int gpusRequested(Pod pod) {
    int total = 0;
    for (Container c : pod.getSpec().getContainers()) {
      if (c.getResources() == null) {
        continue;
      }
      Quantity q = c.getResources().getLimits() == null ? null : c.getResources().getLimits().get("nvidia.com/gpu");
      if (q == null && c.getResources().getRequests() != null) {
        q = c.getResources().getRequests().get("nvidia.com/gpu");
      }
      if (q != null) {
        total += Quantity.getAmountInBytes(q).intValue();
      }
    }
    return total;
  }

  private static int capacity(Node node, String resource) {
    if (node.getStatus() == null || node.getStatus().getCapacity() == null) {
      return 0;
    }
    Quantity q = node.getStatus().getCapacity().get(resource);
    return q == null ? 0 : Quantity.getAmountInBytes(q).intValue();
  }
}
