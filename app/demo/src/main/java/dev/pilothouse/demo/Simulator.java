package dev.pilothouse.demo;

import dev.pilothouse.demo.simulator.ClusterSimulation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Plays the controllers of a {@link DemoEnvironment}'s clusters: pods go from Pending to Running, crash-looping
 * pods keep restarting, Deployments roll out through ReplicaSets, Argo Workflows advance step by step (DAGs branch
 * by branch), Tekton PipelineRuns run their TaskRuns, Rollouts step through their canary, KServe canaries move their
 * traffic, and the ToolHive and kagent operators report on their MCP servers, with events recorded along the way.
 * Everything goes through each cluster's API, so watches see every change.
 *
 * <p>Runs on one scheduled thread per environment, one tick per {@link DemoOptions#tick()}. Deterministic for a
 * given seed apart from wall-clock timestamps: tests {@link #pause()} it and call {@link #tickNow()}.
 */
public final class Simulator {

  private static final Logger LOG = Logger.getLogger(Simulator.class.getName());

  /** The seed of the simulation's random choices (pod names, which tick an OOM happens...). */
  public static final long SEED = 20_250_101L;

  private final List<ClusterSimulation> clusters;
  private final Duration tick;
  private final AtomicLong ticks = new AtomicLong();
  private @Nullable ScheduledExecutorService executor;
  private @Nullable ScheduledFuture<?> schedule;

  Simulator(List<EmulatedCluster> clusters, Duration tick) {
    this.clusters = clusters.stream()
        .map(c -> new ClusterSimulation(c.name(), c.adminClient(), SEED)).toList();
    this.tick = tick;
  }

  /** Runs one step of every cluster's controllers now, on the calling thread. */
  public synchronized void tickNow() {
    for (ClusterSimulation cluster : clusters) {
      cluster.step();
    }
    ticks.incrementAndGet();
  }

  /** Stops the periodic ticks ({@link #tickNow()} still works). Idempotent. */
  public synchronized void pause() {
    if (schedule != null) {
      schedule.cancel(false);
      schedule = null;
    }
  }

  /** Resumes periodic ticks. Idempotent. */
  public synchronized void resume() {
    if (executor == null || executor.isShutdown()) {
      executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pilothouse-demo-simulator");
        t.setDaemon(true);
        return t;
      });
    }
    if (schedule == null) {
      long millis = tick.toMillis();
      schedule = executor.scheduleWithFixedDelay(this::scheduledTick, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  public synchronized boolean isRunning() {
    return schedule != null;
  }

  /** How many ticks have run so far. */
  public long ticks() {
    return ticks.get();
  }

  void shutdown() {
    ScheduledExecutorService e;
    synchronized (this) {
      pause();
      e = executor;
      executor = null;
    }
    if (e != null) {
      e.shutdownNow();
      try {
        e.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void scheduledTick() {
    try {
      synchronized (this) {
        // A run that was already waiting for the lock when pause() cancelled the schedule must not tick.
        if (schedule == null) {
          return;
        }
        tickNow();
      }
    } catch (RuntimeException e) {
      // A tick must never kill the schedule.
      LOG.log(Level.WARNING, "simulator tick failed", e);
    }
  }
}
