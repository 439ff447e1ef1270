package dev.pilothouse.demo.lab;

import dev.pilothouse.demo.lab.LabTargets.Gpu;
import dev.pilothouse.demo.lab.LabTargets.ModelServer;
import dev.pilothouse.demo.lab.LabTargets.PricedNode;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The lab's simulated workloads, exporting the metrics their real counterparts export (NVIDIA DCGM exporter, vLLM,
 * Triton, TGI, KServe, OpenCost; names and labels as in docs/domain.md) through the Prometheus Java Client on a
 * loopback port, for a real Prometheus to scrape. Values move once a second.
 */
public final class LabExporter implements AutoCloseable {

  private final LabTargets targets;
  private final LabStories stories;
  private final LabMetrics metrics;
  private final HTTPServer server;
  private final ScheduledExecutorService ticker;
  private final RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(42);
  private final long startNanos = System.nanoTime();

  private LabExporter(LabTargets targets) throws IOException {
    this.targets = targets;
    this.stories = new LabStories(targets);
    PrometheusRegistry registry = new PrometheusRegistry();
    this.metrics = new LabMetrics(registry);
    tick();
    this.server = HTTPServer.builder().hostname("127.0.0.1").port(0).registry(registry).buildAndStart();
    this.ticker = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("lab-exporter").daemon(true).factory());
    ticker.scheduleAtFixedRate(this::tickSafely, 1, 1, TimeUnit.SECONDS);
  }

  /** Exports metrics for the workloads of a cluster, read through its client. */
  public static LabExporter start(io.fabric8.kubernetes.client.KubernetesClient cluster) {
    try {
      return new LabExporter(LabTargets.read(cluster));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the lab's metrics exporter", e);
    }
  }

  /** {@code 127.0.0.1:PORT}, as a Prometheus scrape target. */
  public String target() {
    return "127.0.0.1:" + server.getPort();
  }

  /** The metrics endpoint. */
  public URI url() {
    return URI.create("http://" + target() + "/metrics");
  }

  /** How many GPUs and model servers it exports for (for logs and tests). */
  public String describe() {
    return targets.gpus().size() + " GPUs, " + targets.modelServers().size() + " model servers, "
        + targets.nodes().size() + " nodes";
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      // A bad value must not stop the ticker: the lab keeps exporting what it can.
      System.getLogger(LabExporter.class.getName()).log(System.Logger.Level.WARNING, "lab tick failed", e);
    }
  }

  private void tick() {
    double t = (System.nanoTime() - startNanos) / 1e9;
    for (Gpu gpu : targets.gpus()) {
      metrics.gpu(gpu, stories, t, random);
    }
    for (ModelServer s : targets.modelServers()) {
      metrics.modelServer(s, stories, t, random);
    }
    for (PricedNode node : targets.nodes()) {
      metrics.cost(node);
    }
    java.util.Map<String, Long> gpusPerPod = targets.gpus().stream().filter(g -> !g.pod().isEmpty())
        .collect(java.util.stream.Collectors.groupingBy(g -> g.namespace() + "/" + g.pod(),
            java.util.stream.Collectors.counting()));
    for (Gpu gpu : targets.gpus()) {
      if (!gpu.pod().isEmpty()) {
        metrics.allocation(gpu, gpusPerPod.get(gpu.namespace() + "/" + gpu.pod()).intValue());
      }
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    server.close();
  }
}
