package dev.pilothouse.demo.lab.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pilothouse.demo.DemoEnvironment;
import dev.pilothouse.demo.DemoOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lab's stories raise their alerts in the simulated Prometheus, pending then firing, on a test's clock. */
class SimulatedLabAlertsTest {

  private static final Instant START = Instant.ofEpochSecond(1_800_000_000L);

  private static DemoEnvironment demo;

  @BeforeAll
  static void start() {
    demo = DemoEnvironment.start(DemoOptions.defaults().withSimulate(false));
  }

  @AfterAll
  static void stop() {
    if (demo != null) {
      demo.close();
    }
  }

  private static JsonNode alerts(SimulatedLab lab) throws Exception {
    Http.Answer answer = Http.get(lab.prometheusUrl(), "/api/v1/alerts");
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json().path("data").path("alerts");
  }

  private static Set<String> names(JsonNode alerts, String state) {
    Set<String> names = new HashSet<>();
    alerts.forEach(a -> {
      if (a.path("state").asText().equals(state)) {
        names.add(a.path("labels").path("alertname").asText());
      }
    });
    return names;
  }

  @Test
  void alertsWithoutForFireAtOnceAndTheOthersStartPending() throws Exception {
    ManualClock clock = new ManualClock(START);
    try (SimulatedLab lab = SimulatedLab.start(demo.cluster("prod").adminClient(), clock, Duration.ofMinutes(2))) {
      lab.catchUp();

      JsonNode alerts = alerts(lab);
      assertThat(names(alerts, "firing")).containsExactlyInAnyOrder("GPUXidErrors", "Watchdog");
      assertThat(names(alerts, "pending")).contains("VLLMRequestsQueueing", "GPUMemoryNearlyFull",
          "VLLMHighTimeToFirstToken", "TritonInferenceFailures", "VLLMKVCacheAlmostFull", "GPUTemperatureHigh",
          "KnativeRevisionErrorRatioHigh");
    }
  }

  @Test
  void theStoriesFireOnceTheirForDurationHasPassedAndTheHotGpuStaysPending() throws Exception {
    ManualClock clock = new ManualClock(START);
    try (SimulatedLab lab = SimulatedLab.start(demo.cluster("prod").adminClient(), clock, Duration.ofMinutes(2))) {
      lab.catchUp();
      clock.advance(Duration.ofSeconds(30));
      lab.catchUp();

      JsonNode alerts = alerts(lab);
      assertThat(names(alerts, "firing")).contains("Watchdog", "GPUXidErrors", "GPUMemoryNearlyFull",
          "VLLMRequestsQueueing", "VLLMHighTimeToFirstToken", "TritonInferenceFailures", "VLLMKVCacheAlmostFull",
          "KnativeRevisionErrorRatioHigh");
      assertThat(names(alerts, "pending")).containsExactly("GPUTemperatureHigh");
      assertThat(alerts.findParents("alertname")).filteredOn(l -> l.path("alertname").asText()
          .equals("KnativeRevisionErrorRatioHigh")).extracting(l -> l.path("revision_name").asText())
          .containsExactly("fraud-scorer-predictor-00003");
    }
  }

  @Test
  void everyAlertIsLabelledSimulatedAndNamesTheObjectsItConcerns() throws Exception {
    ManualClock clock = new ManualClock(START);
    try (SimulatedLab lab = SimulatedLab.start(demo.cluster("prod").adminClient(), clock, Duration.ofMinutes(2))) {
      lab.catchUp();

      JsonNode alerts = alerts(lab);
      assertThat(alerts.size()).isPositive();
      for (JsonNode alert : alerts) {
        JsonNode labels = alert.path("labels");
        assertThat(labels.path("simulated").asText()).as("%s", labels).isEqualTo("true");
        assertThat(OffsetDateTime.parse(alert.path("activeAt").asText()).toInstant()).isEqualTo(START);
        assertThat(alert.path("value").asText()).matches("-?\\d(\\.\\d+)?e[+-]\\d\\d");
        if (!labels.path("alertname").asText().equals("Watchdog")) {
          assertThat(labels.has("pod") || labels.has("node")).as("%s names a pod or a node", labels).isTrue();
        }
      }
      JsonNode xid = alerts.findParents("alertname").stream()
          .filter(l -> l.path("alertname").asText().equals("GPUXidErrors")).findFirst().orElseThrow();
      assertThat(xid.path("node").asText()).as("templated from the Hostname label").isEqualTo(
          xid.path("Hostname").asText());
    }
  }

  @Test
  void servesTheKServeKnativeAndSeldonFamiliesWithTheirLabels() throws Exception {
    ManualClock clock = new ManualClock(START);
    try (SimulatedLab lab = SimulatedLab.start(demo.cluster("prod").adminClient(), clock, Duration.ofMinutes(2))) {
      lab.catchUp();

      JsonNode split = Http.get(lab.prometheusUrl(), "/api/v1/query", Map.of("query",
          "sum by (revision_name) (rate(revision_app_request_count[1m]))")).json().path("data").path("result");
      JsonNode seldon = Http.get(lab.prometheusUrl(), "/api/v1/query", Map.of("query",
          "sum by (model) (rate(seldon_model_infer_total[1m]))")).json().path("data").path("result");
      JsonNode p99 = Http.get(lab.prometheusUrl(), "/api/v1/query", Map.of("query",
          "model:request_predict_seconds:p99")).json().path("data").path("result");

      Map<String, Double> share = new java.util.TreeMap<>(); // requests per second, by revision
      split.forEach(r -> share.put(r.path("metric").path("revision_name").asText(), r.path("value").get(1)
          .asDouble()));
      assertThat(share).containsOnlyKeys("fraud-scorer-predictor-00002", "fraud-scorer-predictor-00003");
      assertThat(share.get("fraud-scorer-predictor-00003") / (share.get("fraud-scorer-predictor-00002")
          + share.get("fraud-scorer-predictor-00003"))).as("the canary's share").isBetween(0.07, 0.13);
      Set<String> models = new HashSet<>();
      seldon.forEach(r -> models.add(r.path("metric").path("model").asText()));
      assertThat(models).containsExactlyInAnyOrder("income-classifier", "income-classifier-v4");
      Set<String> predicted = new HashSet<>();
      p99.forEach(r -> predicted.add(r.path("metric").path("model_name").asText()));
      assertThat(predicted).contains("fraud-scorer", "sentiment-classifier");
    }
  }

  @Test
  void onTheSystemClockTheLabMakesUpAnHourAndScrapesEveryFiveSeconds() throws Exception {
    try (SimulatedLab lab = SimulatedLab.start(demo.cluster("prod").adminClient())) {
      Instant first = lastScrape(lab);
      assertThat(first).isAfter(Instant.now().minusSeconds(10));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!lastScrape(lab).isAfter(first)) {
        assertThat(System.nanoTime()).as("a new scrape within 20 s").isLessThan(deadline);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200)); // polling interval, not synchronisation
      }
      JsonNode hourAgo = Http.get(lab.prometheusUrl(), "/api/v1/query", Map.of("query", "up",
          "time", Instant.now().minus(Duration.ofMinutes(59)).toString())).json().path("data").path("result");
      assertThat(hourAgo.size()).as("history from an hour ago").isEqualTo(1);
    }
  }

  /** The time of the newest raw sample of {@code up}. */
  private static Instant lastScrape(SimulatedLab lab) throws Exception {
    JsonNode values = Http.get(lab.prometheusUrl(), "/api/v1/query", Map.of("query", "up[1m]")).json()
        .path("data").path("result").get(0).path("values");
    double seconds = values.get(values.size() - 1).get(0).asDouble();
    return Instant.ofEpochMilli(Math.round(seconds * 1000));
  }
}
