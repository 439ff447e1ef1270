package dev.pilothouse.demo.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus launcher against the real binary. */
class PrometheusProcessTest {

  @TempDir
  Path work;

  @Test
  void startsReadyOnALoopbackPortThatIsNotTheDefault() throws Exception {
    try (PrometheusProcess prometheus = PrometheusProcess.start(work, PrometheusConfig.create().scrapeSelf())) {
      assertThat(prometheus.url().toString()).startsWith("http://127.0.0.1:");
      assertThat(prometheus.port()).isNotEqualTo(9090);
      assertThat(LabHttp.get(prometheus.url().resolve("/-/ready")).statusCode()).isEqualTo(200);
      assertThat(LabHttp.get(prometheus.url().resolve("/api/v1/status/buildinfo")).body()).contains("\"version\"");
      assertThat(prometheus.directory()).startsWith(work);
      assertThat(prometheus.logFile()).exists();
    }
  }

  @Test
  void restartServesOnTheSamePortWithTheSameData() throws Exception {
    try (PrometheusProcess prometheus = PrometheusProcess.start(work, PrometheusConfig.create().scrapeSelf())) {
      URI before = prometheus.url();
      Path data = prometheus.directory().resolve("data");

      prometheus.restart();

      assertThat(prometheus.url()).isEqualTo(before);
      assertThat(prometheus.directory().resolve("data")).isEqualTo(data).isDirectory();
      assertThat(LabHttp.get(before.resolve("/-/ready")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void killedServerRefusesConnectionsUntilRestarted() throws Exception {
    try (PrometheusProcess prometheus = PrometheusProcess.start(work, PrometheusConfig.create())) {
      URI ready = prometheus.url().resolve("/-/ready");

      prometheus.kill();

      assertThat(prometheus.isRunning()).isFalse();
      assertThatThrownBy(() -> LabHttp.get(ready)).isInstanceOf(ConnectException.class);
      prometheus.restart();
      assertThat(prometheus.isRunning()).isTrue();
      assertThat(LabHttp.get(ready).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aBrokenRuleFileFailsTheStartWithTheLogTail() {
    PrometheusConfig config = PrometheusConfig.create().ruleFile("broken.yml", "groups: [ this is not: valid");

    assertThatThrownBy(() -> PrometheusProcess.start(work, config))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited with code")
        .hasMessageContaining("log tail")
        .hasMessageContaining("broken.yml");
  }

  @Test
  void aMissingBinaryIsNamed() {
    Path missing = work.resolve("no-such-prometheus");

    assertThatThrownBy(() -> PrometheusProcess.start(missing, work, PrometheusConfig.create()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot run " + missing);
  }

  @Test
  void configNamesTargetsRulesAndAlertmanager() throws IOException {
    PrometheusConfig config = PrometheusConfig.create()
        .scrape("workloads", java.util.List.of("127.0.0.1:1234", "127.0.0.1:1235"))
        .ruleFile("slo.yml", "groups: []\n")
        .alertmanager(URI.create("http://127.0.0.1:4567"))
        .evaluationInterval(java.time.Duration.ofMillis(500));

    String yaml = config.write(work, 9999);

    assertThat(yaml)
        .contains("evaluation_interval: 500ms")
        .contains("job_name: \"workloads\"")
        .contains("targets: [\"127.0.0.1:1234\", \"127.0.0.1:1235\"]")
        .contains(work.resolve("slo.yml").toString())
        .contains("targets: [\"127.0.0.1:4567\"]");
    assertThat(Files.readString(work.resolve("slo.yml"))).isEqualTo("groups: []\n");
  }
}
