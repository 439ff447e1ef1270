package dev.pilothouse.demo.lab;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a lab Alertmanager routes: every alert to one receiver without integrations (nothing leaves the machine), with
 * short grouping delays (one second by default) so that alerts show up within seconds, and optional HTTPS.
 */
public final class AlertmanagerConfig {

  private Duration groupWait = Duration.ofSeconds(1);
  private Duration groupInterval = Duration.ofSeconds(1);
  private Duration repeatInterval = Duration.ofHours(1);
  private @Nullable WebTls tls;

  private AlertmanagerConfig() {
  }

  /** The defaults: one-second grouping, a null receiver, plain HTTP. */
  public static AlertmanagerConfig create() {
    return new AlertmanagerConfig();
  }

  public AlertmanagerConfig groupWait(Duration wait) {
    this.groupWait = Objects.requireNonNull(wait, "wait");
    return this;
  }

  public AlertmanagerConfig groupInterval(Duration interval) {
    this.groupInterval = Objects.requireNonNull(interval, "interval");
    return this;
  }

  public AlertmanagerConfig repeatInterval(Duration interval) {
    this.repeatInterval = Objects.requireNonNull(interval, "interval");
    return this;
  }

  /** Serves HTTPS (and requires client certificates when {@code tls} has a client CA). */
  public AlertmanagerConfig webTls(WebTls tls) {
    this.tls = Objects.requireNonNull(tls, "tls");
    return this;
  }

  @Nullable WebTls tls() {
    return tls;
  }

  String yaml() {
    return "route:\n"
        + "  receiver: \"null\"\n"
        + "  group_by: [\"alertname\"]\n"
        + "  group_wait: " + PrometheusConfig.seconds(groupWait) + "\n"
        + "  group_interval: " + PrometheusConfig.seconds(groupInterval) + "\n"
        + "  repeat_interval: " + PrometheusConfig.seconds(repeatInterval) + "\n"
        + "receivers:\n"
        + "  - name: \"null\"\n";
  }
}
