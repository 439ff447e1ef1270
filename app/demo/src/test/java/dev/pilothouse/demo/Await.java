package dev.pilothouse.demo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a timeout passes: the only way tests here wait. */
final class Await {

  private Await() {}

  static void until(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  /** Ticks the simulator until the condition holds, at most {@code maxTicks} times. */
  static void ticks(Simulator simulator, int maxTicks, String what, BooleanSupplier condition) {
    for (int i = 0; i < maxTicks; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      simulator.tickNow();
    }
    if (!condition.getAsBoolean()) {
      throw new AssertionError("still not " + what + " after " + maxTicks + " ticks");
    }
  }

  static <T> T value(Duration timeout, String what, Supplier<T> supplier) {
    Object[] holder = new Object[1];
    until(timeout, what, () -> (holder[0] = supplier.get()) != null);
    @SuppressWarnings("unchecked")
    T value = (T) holder[0];
    return value;
  }
}
