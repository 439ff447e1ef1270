package dev.pilothouse.demo.lab.simulated;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Whether the simulated Prometheus has made up its history. Until then it answers as a starting Prometheus does:
 * {@code /-/ready} with 503, and API calls wait a while for it rather than answer from half a history.
 */
final class Readiness {

  private final CountDownLatch ready = new CountDownLatch(1);

  void markReady() {
    ready.countDown();
  }

  boolean isReady() {
    return ready.getCount() == 0;
  }

  /** Waits until ready or the timeout passes; whether it is ready. */
  boolean await(Duration timeout) {
    try {
      return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
