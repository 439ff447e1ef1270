package dev.pilothouse.demo.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real Prometheus server ({@code prometheus} on the PATH) on a free loopback port, with its own config, data
 * directory and log under a work directory. Never on the default port 9090: Debian's package may run a system
 * Prometheus there.
 *
 * <pre>
 * try (PrometheusProcess prometheus = PrometheusProcess.start(workDir, PrometheusConfig.create().scrapeSelf())) {
 *   URI url = prometheus.url();
 * }
 * </pre>
 */
public final class PrometheusProcess extends ServerProcess {

  private final PrometheusConfig config;

  private PrometheusProcess(Path binary, Path workDir, PrometheusConfig config) {
    super("Prometheus", binary, workDir, "prometheus-", config.tls());
    this.config = config;
  }

  /** The {@code prometheus} binary on the PATH, if installed. */
  public static Optional<Path> find() {
    return findOnPath("prometheus");
  }

  /**
   * Starts the PATH's Prometheus and waits until it is ready.
   *
   * @throws IllegalStateException when the binary is missing, exits early (the message carries its log tail) or is
   *                               not ready in time
   */
  public static PrometheusProcess start(Path workDir, PrometheusConfig config) {
    Path binary = find().orElseThrow(() -> new IllegalStateException(
        "prometheus is not installed (no 'prometheus' on the PATH); on Debian: apt-get install prometheus"));
    return start(binary, workDir, config);
  }

  /** Starts the given Prometheus binary and waits until it is ready. */
  public static PrometheusProcess start(Path binary, Path workDir, PrometheusConfig config) {
    PrometheusProcess process = new PrometheusProcess(binary, workDir, config);
    process.startOnFreePort();
    return process;
  }

  @Override
  List<String> arguments(Path dir, int port) throws IOException {
    Path configFile = Files.writeString(dir.resolve("prometheus.yml"), config.write(dir, port));
    List<String> args = new ArrayList<>(List.of(
        "--config.file=" + configFile,
        "--storage.tsdb.path=" + dir.resolve("data"),
        "--storage.tsdb.retention.time=1d",
        "--rules.alert.resend-delay=" + PrometheusConfig.seconds(config.alertResendDelay()),
        "--web.listen-address=127.0.0.1:" + port));
    args.addAll(webConfigFlag(config.tls(), dir));
    return args;
  }
}
