package dev.pilothouse.demo.apiserver;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as the API server writes them: RFC 3339, UTC, whole seconds. */
public final class Clock {
  private Clock() {}

  public static String now() {
    return format(Instant.now());
  }

  public static String format(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
