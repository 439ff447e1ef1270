package dev.pilothouse.demo.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real Alertmanager ({@code alertmanager}, or {@code prometheus-alertmanager} as Debian names it) on a free
 * loopback port with gossip disabled, so it starts without a network. Never on the default port 9093: Debian's
 * package may run a system Alertmanager there.
 */
public final class AlertmanagerProcess extends ServerProcess {

  private final AlertmanagerConfig config;

  private AlertmanagerProcess(Path binary, Path workDir, AlertmanagerConfig config) {
    super("Alertmanager", binary, workDir, "alertmanager-", config.tls());
    this.config = config;
  }

  /** The Alertmanager binary on the PATH ({@code alertmanager} or {@code prometheus-alertmanager}), if installed. */
  public static Optional<Path> find() {
    return findOnPath("alertmanager", "prometheus-alertmanager");
  }

  /**
   * Starts the PATH's Alertmanager and waits until it is ready.
   *
   * @throws IllegalStateException when the binary is missing, exits early (the message carries its log tail) or is
   *                               not ready in time
   */
  public static AlertmanagerProcess start(Path workDir, AlertmanagerConfig config) {
    Path binary = find().orElseThrow(() -> new IllegalStateException("Alertmanager is not installed (neither "
        + "'alertmanager' nor 'prometheus-alertmanager' on the PATH); on Debian: apt-get install prometheus-alertmanager"));
    return start(binary, workDir, config);
  }

  /** Starts the given Alertmanager binary and waits until it is ready. */
  public static AlertmanagerProcess start(Path binary, Path workDir, AlertmanagerConfig config) {
    AlertmanagerProcess process = new AlertmanagerProcess(binary, workDir, config);
    process.startOnFreePort();
    return process;
  }

  @Override
  List<String> arguments(Path dir, int port) throws IOException {
    Path configFile = Files.writeString(dir.resolve("alertmanager.yml"), config.yaml());
    List<String> args = new ArrayList<>(List.of(
        "--config.file=" + configFile,
        "--storage.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port,
        // An empty cluster address disables gossip: no extra port, no network needed to start.
        "--cluster.listen-address="));
    args.addAll(webConfigFlag(config.tls(), dir));
    return args;
  }
}
