package dev.pilothouse.demo.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pilothouse.demo.DemoEnvironment;
import dev.pilothouse.demo.DemoOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab on the prod scenario: real Prometheus scrapes the simulated workloads, and the rules really fire. */
class LabTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir
  static Path work;
  private static DemoEnvironment demo;
  private static Lab lab;

  @BeforeAll
  static void start() {
    demo = DemoEnvironment.start(DemoOptions.defaults().withSimulate(false));
    lab = Lab.start(demo.cluster("prod").adminClient(), work).orElseThrow(() -> new AssertionError(
        "the lab needs prometheus and alertmanager on the PATH (.ci/run installs them)"));
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
    if (demo != null) {
      demo.close();
    }
  }

  private static JsonNode prometheus(String pathAndQuery) throws Exception {
    var response = LabHttp.get(lab.prometheusUrl().resolve(pathAndQuery));
    assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
    return JSON.readTree(response.body()).path("data");
  }

  private static Set<String> alerts(String state) throws Exception {
    Set<String> names = new HashSet<>();
    for (JsonNode alert : prometheus("/api/v1/alerts").path("alerts")) {
      if (alert.path("state").asText().equals(state)) {
        names.add(alert.path("labels").path("alertname").asText());
      }
    }
    return names;
  }

  @Test
  void theWorkloadsExportDcgmAndVllmMetricsWithTheirPodsLabels() throws Exception {
    String query = URLEncoder.encode("count by (__name__) ({__name__=~\"DCGM_FI_DEV_GPU_UTIL|vllm:num_requests_running\"})",
        StandardCharsets.UTF_8);
    LabAwait.until(TIMEOUT, "both metrics scraped", () -> prometheus("/api/v1/query?query=" + query)
        .path("result").size() == 2);

    String pods = URLEncoder.encode("vllm:num_requests_running", StandardCharsets.UTF_8);
    JsonNode series = prometheus("/api/v1/query?query=" + pods).path("result");
    assertThat(series.size()).isGreaterThanOrEqualTo(2);
    JsonNode first = series.get(0).path("metric");
    assertThat(first.path("namespace").asText()).isEqualTo("ml-serving");
    assertThat(first.path("pod").asText()).isNotEmpty();
    assertThat(first.path("model_name").asText()).isNotEmpty();
  }

  @Test
  void theWorkloadsExportKServeKnativeAndSeldonFamilies() throws Exception {
    String query = URLEncoder.encode("count by (__name__) ({__name__=~\"request_predict_seconds_count|"
        + "revision_app_request_count|revision_app_request_latencies_bucket|seldon_model_infer_total|"
        + "seldon_model_infer_api_seconds_count\"})", StandardCharsets.UTF_8);
    LabAwait.until(TIMEOUT, "the five families scraped", () -> prometheus("/api/v1/query?query=" + query)
        .path("result").size() == 5);

    String canary = URLEncoder.encode("revision_app_request_count{revision_name=\"fraud-scorer-predictor-00003\"}",
        StandardCharsets.UTF_8);
    JsonNode series = prometheus("/api/v1/query?query=" + canary).path("result");
    assertThat(series.size()).isEqualTo(2);
    assertThat(series.get(0).path("metric").path("namespace_name").asText()).isEqualTo("ml-serving");
    assertThat(series.get(0).path("metric").path("response_code_class").asText()).isIn("2xx", "5xx");
  }

  @Test
  void theStoriesFireAndTheHotGpuStaysPending() throws Exception {
    LabAwait.until(TIMEOUT, "the lab's alerts to fire", () -> alerts("firing").containsAll(Set.of(
        "Watchdog", "GPUXidErrors", "VLLMHighTimeToFirstToken", "GPUMemoryNearlyFull", "TritonInferenceFailures",
        "KnativeRevisionErrorRatioHigh")));
    assertThat(alerts("pending")).contains("GPUTemperatureHigh");

    LabAwait.until(TIMEOUT, "Alertmanager to receive the firing alerts", () -> {
      JsonNode groups = JSON.readTree(LabHttp.get(URI.create(lab.alertmanagerUrl() + "/api/v2/alerts")).body());
      Set<String> names = new HashSet<>();
      groups.forEach(a -> names.add(a.path("labels").path("alertname").asText()));
      return names.contains("GPUXidErrors") && names.contains("VLLMHighTimeToFirstToken");
    });
  }

  @Test
  void everyAlertNamesTheObjectsItConcerns() throws Exception {
    LabAwait.until(TIMEOUT, "alerts", () -> alerts("firing").contains("GPUXidErrors"));
    for (JsonNode alert : prometheus("/api/v1/alerts").path("alerts")) {
      JsonNode labels = alert.path("labels");
      if (labels.path("alertname").asText().equals("Watchdog")) {
        continue;
      }
      assertThat(labels.has("pod") || labels.has("node")).as("%s names a pod or a node", labels).isTrue();
    }
  }
}
