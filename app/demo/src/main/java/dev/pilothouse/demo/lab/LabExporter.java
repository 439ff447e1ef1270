package dev.pilothouse.demo.lab;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The lab's simulated workloads, exporting the metrics their real counterparts export (NVIDIA DCGM exporter, vLLM,
 * Triton, TGI, KServe with Knative's queue-proxy, the Seldon agent, OpenCost; names and labels as in
 * docs/domain.md) through the Prometheus Java Client on a loopback port, for a real Prometheus to scrape. Values
 * move once a second.
 */
public final class LabExporter implements AutoCloseable {

  private final LabWorkloads workloads;
  private final HTTPServer server;
  private final ScheduledExecutorService ticker;
  private final long startNanos = System.nanoTime();

  private LabExporter(LabWorkloads workloads) throws IOException {
    this.workloads = workloads;
    tick();
    this.server = HTTPServer.builder().hostname("127.0.0.1").port(0).registry(workloads.registry()).buildAndStart();
    this.ticker = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("lab-exporter").daemon(true).factory());
    ticker.scheduleAtFixedRate(this::tickSafely, 1, 1, TimeUnit.SECONDS);
  }

  /** Exports metrics for the workloads of a cluster, read through its client. */
  public static LabExporter start(io.fabric8.kubernetes.client.KubernetesClient cluster) {
    try {
      return new LabExporter(LabWorkloads.of(cluster));
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
    return workloads.describe();
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
    workloads.tick((System.nanoTime() - startNanos) / 1e9);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    server.close();
  }
}
