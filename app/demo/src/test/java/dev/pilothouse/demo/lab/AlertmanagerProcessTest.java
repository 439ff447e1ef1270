package dev.pilothouse.demo.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Alertmanager launcher against the real binary. */
class AlertmanagerProcessTest {

  @TempDir
  Path work;

  @Test
  void findsTheBinaryUnderEitherName() {
    assertThat(AlertmanagerProcess.find()).hasValueSatisfying(path ->
        assertThat(path.getFileName().toString()).isIn("alertmanager", "prometheus-alertmanager"));
  }

  @Test
  void startsReadyOnALoopbackPortThatIsNotTheDefault() throws Exception {
    try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start(work, AlertmanagerConfig.create())) {
      assertThat(alertmanager.port()).isNotEqualTo(9093);
      assertThat(LabHttp.get(alertmanager.url().resolve("/-/ready")).statusCode()).isEqualTo(200);
      assertThat(LabHttp.get(alertmanager.url().resolve("/api/v2/status")).body()).contains("\"cluster\"");
    }
  }

  @Test
  void restartKeepsThePortAndTheSilences() throws Exception {
    try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start(work, AlertmanagerConfig.create())) {
      URI url = alertmanager.url();
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      String silence = "{\"matchers\":[{\"name\":\"alertname\",\"value\":\"Lab\",\"isRegex\":false,\"isEqual\":true}],"
          + "\"startsAt\":\"" + now + "\",\"endsAt\":\"" + now.plusSeconds(3600) + "\","
          + "\"createdBy\":\"test\",\"comment\":\"kept across restarts\"}";
      assertThat(LabHttp.postJson(url.resolve("/api/v2/silences"), silence).statusCode()).isEqualTo(200);

      alertmanager.restart();

      assertThat(alertmanager.url()).isEqualTo(url);
      assertThat(LabHttp.get(url.resolve("/api/v2/silences")).body()).contains("kept across restarts");
    }
  }

  @Test
  void aBinaryThatFailsIsReportedWithItsOutput() throws Exception {
    // promtool rejects Alertmanager's flags and exits at once: the message must carry what it printed.
    Path promtool = ServerProcess.findOnPath("promtool").orElseThrow();

    assertThatThrownBy(() -> AlertmanagerProcess.start(promtool, work, AlertmanagerConfig.create()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited with code")
        .hasMessageContaining("config.file");
  }
}
