package dev.pilothouse.demo.lab;

import dev.pilothouse.demo.lab.LabTargets.Gpu;
import dev.pilothouse.demo.lab.LabTargets.ModelServer;
import dev.pilothouse.demo.lab.LabTargets.PricedNode;
import dev.pilothouse.demo.lab.LabTargets.SeldonModel;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Collectors;

/**
 * The lab's simulated workloads of one cluster and their metrics, without any server: {@link LabExporter} serves
 * them to a real Prometheus, the simulated Prometheus reads {@link #registry()} in-process. Not thread-safe: one
 * thread ticks.
 */
public final class LabWorkloads {

  private final LabTargets targets;
  private final LabStories stories;
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final LabMetrics metrics = new LabMetrics(registry);
  // Seeded, so that two runs of the lab tell the same story with the same noise.
  private final RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(42);

  private LabWorkloads(LabTargets targets) {
    this.targets = targets;
    this.stories = new LabStories(targets);
  }

  /** The workloads of a cluster, read once through its client (GPUs, model servers, Seldon models, priced nodes). */
  public static LabWorkloads of(KubernetesClient cluster) {
    return new LabWorkloads(LabTargets.read(cluster));
  }

  /** The metric families, with the values of the last tick. */
  public PrometheusRegistry registry() {
    return registry;
  }

  /**
   * Moves every signal to {@code seconds} into the lab's story. Counters and histograms grow by one second of
   * traffic per call, so call it once per (real or simulated) second.
   */
  public void tick(double seconds) {
    for (Gpu gpu : targets.gpus()) {
      metrics.gpu(gpu, stories, seconds, random);
    }
    for (ModelServer s : targets.modelServers()) {
      metrics.modelServer(s, stories, seconds, random);
    }
    for (SeldonModel m : targets.seldonModels()) {
      metrics.seldon(m, stories, seconds, random);
    }
    for (PricedNode node : targets.nodes()) {
      metrics.cost(node);
    }
    Map<String, Long> gpusPerPod = targets.gpus().stream().filter(g -> !g.pod().isEmpty())
        .collect(Collectors.groupingBy(LabWorkloads::podKey, Collectors.counting()));
    for (Gpu gpu : targets.gpus()) {
      if (!gpu.pod().isEmpty()) {
        metrics.allocation(gpu, gpusPerPod.get(podKey(gpu)).intValue());
      }
    }
  }

  private static String podKey(Gpu gpu) {
    return gpu.namespace() + "/" + gpu.pod();
  }

  /** How many GPUs and model servers it exports for (for logs and tests). */
  public String describe() {
    return targets.gpus().size() + " GPUs, " + targets.modelServers().size() + " model servers, "
        + targets.seldonModels().size() + " Seldon model replicas, " + targets.nodes().size() + " nodes";
  }
}
