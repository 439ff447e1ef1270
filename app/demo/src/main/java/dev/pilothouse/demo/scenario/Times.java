package dev.pilothouse.demo.scenario;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** RFC 3339 timestamps with whole seconds, as Kubernetes writes them. */
public final class Times {
  private Times() {}

  public static String format(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  public static Instant parse(String text) {
    return Instant.parse(text);
  }
}
