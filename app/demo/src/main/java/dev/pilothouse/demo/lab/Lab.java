package dev.pilothouse.demo.lab;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The monitoring lab of one emulated cluster: the workloads' metrics ({@link LabExporter}), scraped by a real
 * Prometheus that evaluates the lab's rules and sends alerts to a real Alertmanager, all on loopback ports. Needs
 * the {@code prometheus} and Alertmanager binaries on the PATH; {@link #available()} says whether they are. Without
 * them, {@link dev.pilothouse.demo.lab.simulated.SimulatedLab} serves the same workloads and rules from a simulated
 * Prometheus in-process (no Alertmanager).
 */
public final class Lab implements AutoCloseable {

  private final LabExporter exporter;
  private final AlertmanagerProcess alertmanager;
  private final PrometheusProcess prometheus;

  private Lab(LabExporter exporter, AlertmanagerProcess alertmanager, PrometheusProcess prometheus) {
    this.exporter = exporter;
    this.alertmanager = alertmanager;
    this.prometheus = prometheus;
  }

  /** Whether both binaries are on the PATH. */
  public static boolean available() {
    return PrometheusProcess.find().isPresent() && AlertmanagerProcess.find().isPresent();
  }

  /** The lab's alerting and recording rules, in Prometheus' rule file format. */
  public static String rules() {
    try (InputStream in = Lab.class.getResourceAsStream("/lab/rules.yaml")) {
      if (in == null) {
        throw new IllegalStateException("lab/rules.yaml is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts the lab for a cluster, or returns empty when the binaries are missing.
   *
   * @param cluster  a client of the cluster whose workloads to export
   * @param workDir  where the servers keep config, data and logs
   * @throws IllegalStateException when a server does not start (its log tail in the message)
   */
  public static Optional<Lab> start(KubernetesClient cluster, Path workDir) {
    if (!available()) {
      return Optional.empty();
    }
    LabExporter exporter = LabExporter.start(cluster);
    AlertmanagerProcess alertmanager = null;
    try {
      alertmanager = AlertmanagerProcess.start(workDir.resolve("alertmanager"), AlertmanagerConfig.create());
      PrometheusProcess prometheus = PrometheusProcess.start(workDir.resolve("prometheus"), PrometheusConfig.create()
          .scrape("ml-workloads", List.of(exporter.target()))
          .ruleFile("lab-rules.yaml", rules())
          .alertmanager(alertmanager.url()));
      return Optional.of(new Lab(exporter, alertmanager, prometheus));
    } catch (RuntimeException e) {
      if (alertmanager != null) {
        alertmanager.close();
      }
      exporter.close();
      throw e;
    }
  }

  public URI prometheusUrl() {
    return prometheus.url();
  }

  public URI alertmanagerUrl() {
    return alertmanager.url();
  }

  public PrometheusProcess prometheus() {
    return prometheus;
  }

  public AlertmanagerProcess alertmanager() {
    return alertmanager;
  }

  public LabExporter exporter() {
    return exporter;
  }

  @Override
  public void close() {
    prometheus.close();
    alertmanager.close();
    exporter.close();
  }
}
