package dev.pilothouse.demo.lab;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition that may throw while the lab warms up (connection refused, no data yet). */
final class LabAwait {

  private LabAwait() {
  }

  static void until(Duration timeout, String what, Callable<Boolean> condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (Boolean.TRUE.equals(condition.call())) {
          return;
        }
        last = null;
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(200); // polling interval between checks, not synchronisation
    }
    throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
        + (last == null ? "" : " (last error: " + last + ")"), last);
  }
}
