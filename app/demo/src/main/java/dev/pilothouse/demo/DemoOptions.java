package dev.pilothouse.demo;

import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link DemoEnvironment}.
 *
 * @param scenario the scenario under {@code /scenarios/} on the classpath ("ml-platform")
 * @param basePort 0 for free ports; otherwise prod listens on basePort and staging on basePort + 1
 * @param simulate whether the simulator ticks on its own
 * @param tick the simulator's period
 */
public record DemoOptions(String scenario, int basePort, boolean simulate, Duration tick) {

  public DemoOptions {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(tick, "tick");
    if (basePort != 0 && (basePort < 1 || basePort > 65534)) {
      throw new IllegalArgumentException("basePort must be 0 or 1..65534, got " + basePort);
    }
    if (tick.isNegative() || tick.isZero()) {
      throw new IllegalArgumentException("tick must be positive, got " + tick);
    }
  }

  /** ml-platform, free ports, simulating every 2 seconds. */
  public static DemoOptions defaults() {
    return new DemoOptions("ml-platform", 0, true, Duration.ofSeconds(2));
  }

  public DemoOptions withBasePort(int port) {
    return new DemoOptions(scenario, port, simulate, tick);
  }

  public DemoOptions withSimulate(boolean on) {
    return new DemoOptions(scenario, basePort, on, tick);
  }
}
