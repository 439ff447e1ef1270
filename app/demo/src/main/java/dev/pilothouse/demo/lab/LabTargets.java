package dev.pilothouse.demo.lab;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the lab exports metrics for, read from the emulated cluster the way exporters find their targets: GPUs of
 * GPU nodes (the DCGM exporter's view, with the pod holding each GPU), model servers by their image (vLLM, Triton,
 * TGI, KServe predictors, with the share of their InferenceService's traffic that each predictor pod gets), the
 * models Seldon servers have loaded (with their Experiments' traffic split) and nodes for cost.
 *
 * @param gpus         every GPU of every GPU node
 * @param modelServers every running model-server pod (a crash-looping one exports nothing: its target is down)
 * @param seldonModels every loaded Seldon model on every server replica that serves it
 * @param nodes        every node with its hourly price
 */
record LabTargets(List<Gpu> gpus, List<ModelServer> modelServers, List<SeldonModel> seldonModels,
    List<PricedNode> nodes) {

  /**
   * The label keys that name a served model, in the order the models view reads them (docs/domain.md): metrics
   * carry the same name, so the view can chart its rows.
   */
  static final List<String> MODEL_LABELS = List.of("ai.gke.io/model", "modelregistry.kubeflow.org/model-name",
      "serving.kserve.io/inferenceservice", "app.kubernetes.io/name");

  private static final ResourceDefinitionContext INFERENCE_SERVICES = crd("serving.kserve.io", "v1beta1",
      "inferenceservices", "InferenceService");
  private static final ResourceDefinitionContext SELDON_MODELS = crd("mlops.seldon.io", "v1alpha1", "models",
      "Model");
  private static final ResourceDefinitionContext SELDON_EXPERIMENTS = crd("mlops.seldon.io", "v1alpha1",
      "experiments", "Experiment");

  /** One GPU: node, index and the pod holding it ("" when idle). */
  record Gpu(String node, int index, String product, String namespace, String pod, String container) {
    String uuid() {
      // Stable and unique, shaped like a real GPU UUID.
      String hex = String.format("%08x", (node + "/" + index).hashCode());
      return "GPU-" + hex + "-" + String.format("%04x", index) + "-4e2f-9b1c-" + hex + "a1b2";
    }
  }

  /**
   * A model-server pod and the server it runs.
   *
   * @param revision the Knative revision a serverless KServe predictor pod belongs to, else ""
   * @param share    the part of its model's traffic this pod serves (KServe predictors; 1 for the others)
   * @param canary   whether it serves the new revision of a canary that has not been promoted yet
   */
  record ModelServer(Server server, String namespace, String pod, String model, String revision, double share,
      boolean canary) {
  }

  /** The model servers whose metrics the lab knows. */
  enum Server {
    VLLM, TRITON, TGI, KSERVE
  }

  /**
   * A model loaded on one replica of a Seldon server.
   *
   * @param version the model's version as Seldon counts it (its generation), for {@code model_internal}
   * @param share   the part of the model's traffic this replica serves, after the Experiments' split
   */
  record SeldonModel(String namespace, String pod, String server, int replica, String model, long version,
      double share) {
  }

  /** A node, whether it has GPUs, and what it costs per hour. */
  record PricedNode(String name, int gpus, double hourlyCost, double gpuHourlyCost) {
  }

  static LabTargets read(KubernetesClient client) {
    List<Node> nodes = client.nodes().list().getItems();
    List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
    Map<String, List<Pod>> gpuPodsByNode = new LinkedHashMap<>();
    List<Pod> serving = new ArrayList<>();
    for (Pod pod : pods) {
      if (!"Running".equals(pod.getStatus() == null ? null : pod.getStatus().getPhase())) {
        continue;
      }
      if (gpusRequested(pod) > 0 && pod.getSpec().getNodeName() != null) {
        gpuPodsByNode.computeIfAbsent(pod.getSpec().getNodeName(), n -> new ArrayList<>()).add(pod);
      }
      if (!waiting(pod)) {
        serving.add(pod);
      }
    }
    Traffic traffic = Traffic.read(client, serving);
    List<ModelServer> servers = new ArrayList<>();
    serving.forEach(pod -> modelServer(pod, traffic).ifPresent(servers::add));
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
    return new LabTargets(gpus, servers, seldonModels(client, serving), priced);
  }

  /** The model a pod serves: the first of {@link #MODEL_LABELS} it carries, else its name. */
  static String modelName(Map<String, String> labels, String fallback) {
    return MODEL_LABELS.stream().filter(labels::containsKey).map(labels::get).findFirst().orElse(fallback);
  }

  private static Optional<ModelServer> modelServer(Pod pod, Traffic traffic) {
    Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
    String model = modelName(labels, pod.getMetadata().getName());
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
    String revision = labels.getOrDefault(Traffic.REVISION, "");
    boolean kserve = server == Server.KSERVE;
    return Optional.ofNullable(server).map(s -> new ModelServer(s, pod.getMetadata().getNamespace(),
        pod.getMetadata().getName(), model, revision, kserve ? traffic.share(pod) : 1,
        kserve && traffic.canary(pod)));
  }

  /**
   * The Seldon models that are ready, on the replicas of their server (the first {@code spec.replicas} pods of
   * the server's StatefulSet), each with its share of the traffic: an Experiment's candidates split the traffic of
   * its default model by weight.
   */
  private static List<SeldonModel> seldonModels(KubernetesClient client, List<Pod> running) {
    List<GenericKubernetesResource> models = custom(client, SELDON_MODELS);
    Map<String, Double> weight = new LinkedHashMap<>();
    for (GenericKubernetesResource experiment : custom(client, SELDON_EXPERIMENTS)) {
      Map<String, Object> spec = map(experiment.getAdditionalProperties().get("spec"));
      List<Map<String, Object>> candidates = maps(spec.get("candidates"));
      double total = candidates.stream().mapToDouble(c -> number(c.get("weight"))).sum();
      if (total > 0) {
        String namespace = experiment.getMetadata().getNamespace();
        candidates.forEach(c -> weight.merge(namespace + "/" + c.get("name"), number(c.get("weight")) / total,
            (a, b) -> a + b));
        weight.putIfAbsent(namespace + "/" + spec.get("default"), 0.0);
      }
    }
    List<SeldonModel> out = new ArrayList<>();
    for (GenericKubernetesResource model : models) {
      Map<String, Object> status = map(model.getAdditionalProperties().get("status"));
      boolean ready = maps(status.get("conditions")).stream().anyMatch(c -> "ModelReady".equals(c.get("type"))
          && "True".equals(c.get("status")));
      Map<String, Object> spec = map(model.getAdditionalProperties().get("spec"));
      String namespace = model.getMetadata().getNamespace();
      String server = String.valueOf(spec.getOrDefault("server", "mlserver"));
      List<Pod> replicas = running.stream().filter(p -> namespace.equals(p.getMetadata().getNamespace())
          && p.getMetadata().getLabels() != null && server.equals(p.getMetadata().getLabels()
              .get("seldon-server-name"))).sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
      int copies = Math.min(replicas.size(), (int) Math.max(1, number(spec.getOrDefault("replicas", 1))));
      if (!ready || copies == 0) {
        continue;
      }
      double share = weight.getOrDefault(namespace + "/" + model.getMetadata().getName(), 1.0) / copies;
      long version = model.getMetadata().getGeneration() == null ? 1 : model.getMetadata().getGeneration();
      for (int i = 0; i < copies; i++) {
        out.add(new SeldonModel(namespace, replicas.get(i).getMetadata().getName(), server, i,
            model.getMetadata().getName(), version, share));
      }
    }
    return out;
  }

  /**
   * How the InferenceServices split their traffic: each revision's percentage from
   * {@code status.components.predictor.traffic}, shared by the revision's running pods; a predictor without
   * revisions (raw deployment) shares all of it among its pods.
   */
  private record Traffic(Map<String, Double> percentByRevision, Set<String> canaries,
      Map<String, Long> podsByGroup) {

    static final String REVISION = "serving.knative.dev/revision";

    static Traffic read(KubernetesClient client, List<Pod> running) {
      Map<String, Double> percent = new HashMap<>();
      Set<String> canaries = new HashSet<>();
      for (GenericKubernetesResource isvc : custom(client, INFERENCE_SERVICES)) {
        Map<String, Object> predictor = map(map(map(isvc.getAdditionalProperties().get("status"))
            .get("components")).get("predictor"));
        for (Map<String, Object> target : maps(predictor.get("traffic"))) {
          String key = isvc.getMetadata().getNamespace() + "/" + target.get("revisionName");
          double p = number(target.get("percent"));
          percent.merge(key, p, Double::sum);
          if (Boolean.TRUE.equals(target.get("latestRevision")) && p > 0 && p < 100) {
            canaries.add(key);
          }
        }
      }
      Map<String, Long> groups = new HashMap<>();
      running.forEach(p -> groups.merge(group(p), 1L, Long::sum));
      return new Traffic(percent, canaries, groups);
    }

    double share(Pod pod) {
      double percent = revision(pod).isEmpty() ? 100 : percentByRevision.getOrDefault(key(pod), 100.0);
      return percent / 100 / podsByGroup.getOrDefault(group(pod), 1L);
    }

    boolean canary(Pod pod) {
      return canaries.contains(key(pod));
    }

    private static String revision(Pod pod) {
      return pod.getMetadata().getLabels() == null ? "" : pod.getMetadata().getLabels().getOrDefault(REVISION, "");
    }

    private static String key(Pod pod) {
      return pod.getMetadata().getNamespace() + "/" + revision(pod);
    }

    /** Pods that share a revision's traffic: same revision, or same InferenceService without revisions. */
    private static String group(Pod pod) {
      Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
      return pod.getMetadata().getNamespace() + "/" + labels.getOrDefault(REVISION,
          "isvc:" + labels.getOrDefault("serving.kserve.io/inferenceservice", pod.getMetadata().getName()));
    }
  }

  /** Whether the pod's first container is not running (crash loop back-off, image pull back-off...). */
  private static boolean waiting(Pod pod) {
    var statuses = pod.getStatus().getContainerStatuses();
    return statuses != null && !statuses.isEmpty() && statuses.getFirst().getState() != null
        && statuses.getFirst().getState().getWaiting() != null;
  }

  /** Custom resources of a CRD, or none when it is not installed in this cluster. */
  private static List<GenericKubernetesResource> custom(KubernetesClient client, ResourceDefinitionContext crd) {
    try {
      return client.genericKubernetesResources(crd).inAnyNamespace().list().getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return List.of();
      }
      throw e;
    }
  }

  private static ResourceDefinitionContext crd(String group, String version, String plural, String kind) {
    return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withPlural(plural)
        .withKind(kind).withNamespaced(true).build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object value) {
    return value instanceof List<?> l ? l.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m)
        .toList() : List.of();
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : 0;
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
