package dev.pilothouse.demo.lab.simulated;

import dev.pilothouse.demo.lab.Lab;
import dev.pilothouse.demo.lab.LabWorkloads;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The demo's monitoring when Prometheus is not installed ({@link Lab#available()} is false): the lab's workloads
 * of one cluster feed a simulated Prometheus in-process, which serves the part of Prometheus' HTTP API the console
 * uses on a free loopback port, so the console's ordinary Prometheus client reads it. It keeps two hours of
 * series (the first hour made up in the background at start: until then API calls wait and {@code /-/ready} is
 * 503), evaluates the lab's rules every five seconds and raises their alerts with the label
 * {@code simulated="true"}. Everything it answers says it is simulated: build version "simulated", a warning on
 * every answer. There is no Alertmanager, so no silences.
 *
 * <pre>
 * try (SimulatedLab lab = SimulatedLab.start(cluster.adminClient())) {
 *   endpoints.preset(context, EndpointKind.PROMETHEUS, EndpointConfig.of(lab.prometheusUrl()));
 * }
 * </pre>
 */
public final class SimulatedLab implements AutoCloseable {

  /** How much history {@link #start(KubernetesClient)} makes up, so that charts are not empty at first. */
  public static final Duration HISTORY = Duration.ofHours(1);

  private static final System.Logger LOG = System.getLogger(SimulatedLab.class.getName());

  private final SimulatedPrometheus prometheus;
  private final InstantSource clock;
  private final Readiness readiness = new Readiness();
  private final PrometheusApi api;
  private final ScheduledExecutorService ticker;

  private SimulatedLab(SimulatedPrometheus prometheus, InstantSource clock) throws IOException {
    this.prometheus = prometheus;
    this.clock = clock;
    this.api = PrometheusApi.start(prometheus, clock, readiness);
    this.ticker = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("simulated-prometheus").daemon(true).factory());
    // The first run makes up the history (a few seconds of CPU): in the background, so that starting the demo
    // does not wait for it; API calls wait instead, /-/ready says 503 meanwhile.
    ticker.scheduleAtFixedRate(this::catchUpSafely, 0, 1, TimeUnit.SECONDS);
  }

  /** Starts on the system clock with an hour of history. */
  public static SimulatedLab start(KubernetesClient cluster) {
    return start(cluster, InstantSource.system(), HISTORY);
  }

  /**
   * Starts on a given clock: the lab moves only as far as the clock says, each second (and at each
   * {@link #catchUp()}), so a test's clock can play minutes of the lab at once.
   *
   * @param history how much history to make up before the clock's now, at most two hours
   * @throws IllegalArgumentException when the lab's rule file is malformed
   */
  public static SimulatedLab start(KubernetesClient cluster, InstantSource clock, Duration history) {
    RuleGroups rules = RuleGroups.parse("lab/rules.yaml", Lab.rules(), SimulatedPrometheus.SCRAPE_INTERVAL);
    SimulatedPrometheus prometheus = new SimulatedPrometheus(LabWorkloads.of(cluster), rules, clock.instant(),
        history);
    try {
      return new SimulatedLab(prometheus, clock);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the simulated Prometheus", e);
    }
  }

  /** The simulated Prometheus' base URL, {@code http://127.0.0.1:PORT}. */
  public URI prometheusUrl() {
    return api.url();
  }

  /** What it simulates, for logs: workloads, series and rules. */
  public String describe() {
    return "simulated Prometheus at " + prometheusUrl() + " (Prometheus is not installed): "
        + prometheus.describe();
  }

  /**
   * Plays the lab up to the clock's now (making up the history first, if the background has not yet); the lab
   * does this itself every second.
   */
  public void catchUp() {
    prometheus.advanceTo(clock.instant());
    readiness.markReady();
  }

  /** Whether the history is made up and the API answers at once. */
  public boolean ready() {
    return readiness.isReady();
  }

  private void catchUpSafely() {
    try {
      catchUp();
    } catch (RuntimeException e) {
      // One bad second must not stop the lab: it goes on with the next.
      LOG.log(System.Logger.Level.WARNING, "the simulated Prometheus failed to advance", e);
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    api.close();
  }
}
