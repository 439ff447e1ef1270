package dev.pilothouse.demo;

import dev.pilothouse.demo.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The demo environment: the scenario's clusters ("prod" and "staging"), each an {@link EmulatedCluster} seeded with
 * its part of the scenario, and a {@link Simulator} playing their controllers. Clients connect through
 * {@link #kubeconfigYaml()} exactly as to real clusters.
 *
 * <pre>
 * try (DemoEnvironment demo = DemoEnvironment.start(DemoOptions.defaults())) {
 *   demo.writeKubeconfig(Path.of("demo.kubeconfig"));
 *   ...
 * }
 * </pre>
 */
public final class DemoEnvironment implements AutoCloseable {

  private final List<EmulatedCluster> clusters;
  private final Simulator simulator;

  private DemoEnvironment(List<EmulatedCluster> clusters, Simulator simulator) {
    this.clusters = List.copyOf(clusters);
    this.simulator = simulator;
  }

  /** Starts both clusters, seeds the scenario and starts the simulator if {@link DemoOptions#simulate()}. */
  public static DemoEnvironment start(DemoOptions options) {
    var scenario = ScenarioLoader.load(options.scenario(), Instant.now(), Simulator.SEED);
    List<EmulatedCluster> clusters = new ArrayList<>();
    try {
      int offset = 0;
      for (var entry : scenario.clusters().entrySet()) {
        int port = options.basePort() == 0 ? 0 : options.basePort() + offset++;
        EmulatedCluster cluster = EmulatedCluster.start(entry.getKey(), port);
        clusters.add(cluster);
        cluster.seed(entry.getValue());
      }
    } catch (RuntimeException e) {
      clusters.forEach(EmulatedCluster::close);
      throw e;
    }
    Simulator simulator = new Simulator(clusters, options.tick());
    if (options.simulate()) {
      simulator.resume();
    }
    return new DemoEnvironment(clusters, simulator);
  }

  /** The clusters in order: prod, staging. */
  public List<EmulatedCluster> clusters() {
    return clusters;
  }

  /** A cluster by name ("prod" or "staging"). */
  public EmulatedCluster cluster(String name) {
    return clusters.stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("no demo cluster named '" + name + "' (have "
            + clusters.stream().map(EmulatedCluster::name).toList() + ")"));
  }

  /**
   * A kubeconfig with one context per cluster ("demo-prod", "demo-staging"), current context "demo-prod", each with
   * a bearer-token user and an {@code http://127.0.0.1:PORT} server.
   */
  public String kubeconfigYaml() {
    return Kubeconfig.yaml(clusters, Kubeconfig.contextName(clusters.getFirst()));
  }

  /** Writes {@link #kubeconfigYaml()} atomically, readable by the owner only (0600 on POSIX). */
  public Path writeKubeconfig(Path file) {
    return Kubeconfig.write(file, kubeconfigYaml());
  }

  public Simulator simulator() {
    return simulator;
  }

  /** Stops the simulator, then the clusters. */
  @Override
  public void close() {
    simulator.shutdown();
    clusters.forEach(EmulatedCluster::close);
  }
}
