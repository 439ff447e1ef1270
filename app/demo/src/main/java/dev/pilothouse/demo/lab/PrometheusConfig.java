package dev.pilothouse.demo.lab;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a lab Prometheus scrapes and evaluates: scrape jobs, rule files, the Alertmanager it notifies, and optional
 * HTTPS. Intervals default to one second so that tests and the demo see rules fire within seconds.
 *
 * <pre>
 * PrometheusConfig config = PrometheusConfig.create()
 *     .scrape("vllm", List.of("127.0.0.1:9400"))
 *     .ruleFile("slo.yml", rulesYaml)
 *     .alertmanager(alertmanager.url());
 * </pre>
 */
public final class PrometheusConfig {

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private final Map<String, List<String>> jobs = new LinkedHashMap<>();
  private final Map<String, String> ruleFiles = new LinkedHashMap<>();
  private final List<URI> alertmanagers = new ArrayList<>();
  private Duration scrapeInterval = Duration.ofSeconds(1);
  private Duration evaluationInterval = Duration.ofSeconds(1);
  private Duration alertResendDelay = Duration.ofSeconds(1);
  private boolean scrapeSelf;
  private @Nullable WebTls tls;

  private PrometheusConfig() {
  }

  /** An empty config: no targets, no rules, one-second intervals. */
  public static PrometheusConfig create() {
    return new PrometheusConfig();
  }

  /** Adds a scrape job over {@code host:port} targets. */
  public PrometheusConfig scrape(String job, List<String> targets) {
    Objects.requireNonNull(job, "job");
    jobs.put(job, List.copyOf(targets));
    return this;
  }

  /** Adds job {@code prometheus} scraping this Prometheus itself (its port is only known at start). */
  public PrometheusConfig scrapeSelf() {
    this.scrapeSelf = true;
    return this;
  }

  public PrometheusConfig scrapeInterval(Duration interval) {
    this.scrapeInterval = positive(interval, "scrape interval");
    return this;
  }

  public PrometheusConfig evaluationInterval(Duration interval) {
    this.evaluationInterval = positive(interval, "evaluation interval");
    return this;
  }

  /**
   * How often firing alerts are sent to Alertmanager again (Prometheus' default is a minute). The lab resends every
   * second: Prometheus learns its Alertmanagers a few seconds after start, and an alert that fired before then would
   * otherwise reach Alertmanager only a minute later.
   */
  public PrometheusConfig alertResendDelay(Duration delay) {
    this.alertResendDelay = positive(delay, "alert resend delay");
    return this;
  }

  Duration alertResendDelay() {
    return alertResendDelay;
  }

  /**
   * Adds a rule file.
   *
   * @param name its file name, such as {@code alerts.yml}
   * @param yaml the rule groups, in Prometheus' rule file format
   */
  public PrometheusConfig ruleFile(String name, String yaml) {
    if (!FILE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("rule file name must be a plain file name, got '" + name + "'");
    }
    ruleFiles.put(name, Objects.requireNonNull(yaml, "yaml"));
    return this;
  }

  /** Sends alerts to this Alertmanager ({@code http://host:port}, optionally with a path prefix). */
  public PrometheusConfig alertmanager(URI url) {
    if (url.getHost() == null || url.getPort() < 0) {
      throw new IllegalArgumentException("alertmanager URL needs a host and a port: " + url);
    }
    alertmanagers.add(url);
    return this;
  }

  /** Serves HTTPS (and requires client certificates when {@code tls} has a client CA). */
  public PrometheusConfig webTls(WebTls tls) {
    this.tls = Objects.requireNonNull(tls, "tls");
    return this;
  }

  @Nullable WebTls tls() {
    return tls;
  }

  /** Writes the rule files into {@code dir} and returns the main config's text for a server on {@code port}. */
  String write(Path dir, int port) throws IOException {
    StringBuilder yaml = new StringBuilder()
        .append("global:\n")
        .append("  scrape_interval: ").append(seconds(scrapeInterval)).append('\n')
        .append("  evaluation_interval: ").append(seconds(evaluationInterval)).append('\n');
    if (!ruleFiles.isEmpty()) {
      yaml.append("rule_files:\n");
      for (var rule : ruleFiles.entrySet()) {
        Path file = Files.writeString(dir.resolve(rule.getKey()), rule.getValue());
        yaml.append("  - ").append(ServerProcess.quote(file.toString())).append('\n');
      }
    }
    if (!alertmanagers.isEmpty()) {
      yaml.append("alerting:\n  alertmanagers:\n");
      for (URI am : alertmanagers) {
        yaml.append("    - scheme: ").append(am.getScheme()).append('\n');
        if (am.getPath() != null && !am.getPath().isEmpty() && !am.getPath().equals("/")) {
          yaml.append("      path_prefix: ").append(ServerProcess.quote(am.getPath())).append('\n');
        }
        yaml.append("      static_configs:\n        - targets: [")
            .append(ServerProcess.quote(am.getHost() + ":" + am.getPort())).append("]\n");
      }
    }
    Map<String, List<String>> allJobs = new LinkedHashMap<>();
    if (scrapeSelf) {
      allJobs.put("prometheus", List.of("127.0.0.1:" + port));
    }
    allJobs.putAll(jobs);
    if (!allJobs.isEmpty()) {
      yaml.append("scrape_configs:\n");
      for (var job : allJobs.entrySet()) {
        yaml.append("  - job_name: ").append(ServerProcess.quote(job.getKey())).append('\n');
        if (scrapeSelf && job.getKey().equals("prometheus") && tls != null) {
          // Scraping itself over HTTPS would need its own client certificate; the lab keeps self-scrapes simple.
          throw new IllegalStateException("scrapeSelf() is not supported together with webTls()");
        }
        yaml.append("    static_configs:\n      - targets: [")
            .append(String.join(", ", job.getValue().stream().map(ServerProcess::quote).toList())).append("]\n");
      }
    }
    return yaml.toString();
  }

  private static Duration positive(Duration d, String what) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + d);
    }
    return d;
  }

  /** Prometheus' duration syntax, in milliseconds so that sub-second intervals keep their precision. */
  static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
