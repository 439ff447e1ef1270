package dev.pilothouse.demo.lab.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pilothouse.demo.DemoEnvironment;
import dev.pilothouse.demo.DemoOptions;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulated Prometheus over HTTP, on the prod scenario: answers in Prometheus' shapes, errors as it does. */
class SimulatedPrometheusApiTest {

  private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
  private static final Duration HISTORY = Duration.ofMinutes(10);

  private static DemoEnvironment demo;
  private static SimulatedLab lab;
  private static URI url;

  @BeforeAll
  static void start() {
    demo = DemoEnvironment.start(DemoOptions.defaults().withSimulate(false));
    lab = SimulatedLab.start(demo.cluster("prod").adminClient(), new ManualClock(NOW), HISTORY);
    lab.catchUp();
    url = lab.prometheusUrl();
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

  private static JsonNode success(Http.Answer answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.json().path("status").asText()).isEqualTo("success");
    return answer.json();
  }

  private static JsonNode query(String promql) throws Exception {
    return success(Http.get(url, "/api/v1/query", Map.of("query", promql)));
  }

  @Test
  void buildInfoSaysTheServerIsSimulated() throws Exception {
    JsonNode data = success(Http.get(url, "/api/v1/status/buildinfo")).path("data");

    assertThat(data.path("version").asText()).isEqualTo("simulated");
  }

  @Test
  void readyAndHealthyAnswerOk() throws Exception {
    assertThat(Http.get(url, "/-/ready").status()).isEqualTo(200);
    assertThat(Http.get(url, "/-/healthy").status()).isEqualTo(200);
  }

  @Test
  void anInstantQueryAnswersAVectorAtTheClocksNowWithTheSimulatedWarning() throws Exception {
    JsonNode answer = query("vllm:num_requests_running");

    assertThat(answer.path("warnings")).extracting(JsonNode::asText)
        .containsExactly("simulated demo data: Prometheus is not installed");
    JsonNode data = answer.path("data");
    assertThat(data.path("resultType").asText()).isEqualTo("vector");
    assertThat(data.path("result").size()).isGreaterThanOrEqualTo(2);
    JsonNode first = data.path("result").get(0);
    assertThat(first.path("metric").path("__name__").asText()).isEqualTo("vllm:num_requests_running");
    assertThat(first.path("metric").path("namespace").asText()).isEqualTo("ml-serving");
    assertThat(first.path("metric").path("pod").asText()).isNotEmpty();
    assertThat(first.path("metric").path("job").asText()).isEqualTo("ml-workloads");
    JsonNode value = first.path("value");
    assertThat(value.get(0).isNumber()).isTrue();
    assertThat(value.get(0).asLong()).isEqualTo(NOW.getEpochSecond());
    assertThat(value.get(1).isTextual()).isTrue();
    assertThat(Double.parseDouble(value.get(1).asText())).isNotNegative();
  }

  @Test
  void anInstantQueryAtAGivenTimeIsEvaluatedThen() throws Exception {
    JsonNode value = query("up").path("data").path("result").get(0).path("value");
    JsonNode earlier = success(Http.get(url, "/api/v1/query", Map.of("query", "up",
        "time", Long.toString(NOW.getEpochSecond() - 90)))).path("data").path("result").get(0).path("value");

    assertThat(value.get(1).asText()).isEqualTo("1");
    assertThat(earlier.get(0).asLong()).isEqualTo(NOW.getEpochSecond() - 90);
  }

  @Test
  void aQueryPostedAsAFormIsAnsweredLikeAGet() throws Exception {
    JsonNode data = success(Http.postForm(url, "/api/v1/query", Map.of("query",
        "count by (__name__) ({__name__=~\"DCGM_FI_DEV_GPU_UTIL|vllm:num_requests_running|not_there\"})")))
        .path("data");

    List<String> names = new ArrayList<>();
    data.path("result").forEach(r -> names.add(r.path("metric").path("__name__").asText()));
    assertThat(names).containsExactlyInAnyOrder("DCGM_FI_DEV_GPU_UTIL", "vllm:num_requests_running");
  }

  @Test
  void aScalarQueryAnswersAScalar() throws Exception {
    JsonNode data = query("1 + 1").path("data");

    assertThat(data.path("resultType").asText()).isEqualTo("scalar");
    assertThat(data.path("result").get(0).asLong()).isEqualTo(NOW.getEpochSecond());
    assertThat(data.path("result").get(1).asText()).isEqualTo("2");
  }

  @Test
  void aRangeQueryAnswersAMatrixWithOnePointPerStep() throws Exception {
    JsonNode answer = success(Http.postForm(url, "/api/v1/query_range", Map.of(
        "query", "sum by (Hostname) (DCGM_FI_DEV_GPU_UTIL)",
        "start", Long.toString(NOW.getEpochSecond() - 300), "end", Long.toString(NOW.getEpochSecond()),
        "step", "15")));

    assertThat(answer.path("warnings").size()).isEqualTo(1);
    JsonNode data = answer.path("data");
    assertThat(data.path("resultType").asText()).isEqualTo("matrix");
    assertThat(data.path("result").size()).as("one series per GPU node").isGreaterThan(1);
    JsonNode series = data.path("result").get(0);
    assertThat(series.path("metric").has("Hostname")).isTrue();
    JsonNode values = series.path("values");
    assertThat(values.size()).isEqualTo(21);
    assertThat(values.get(0).get(0).asLong()).isEqualTo(NOW.getEpochSecond() - 300);
    assertThat(values.get(1).get(0).asLong() - values.get(0).get(0).asLong()).isEqualTo(15);
    assertThat(values.get(20).get(1).isTextual()).isTrue();
  }

  @Test
  void theHistoryIsThereFromTheStart() throws Exception {
    JsonNode data = success(Http.get(url, "/api/v1/query_range", Map.of(
        "query", "sum(rate(vllm:generation_tokens_total[1m]))",
        "start", NOW.minus(HISTORY).plusSeconds(60).toString(), "end", NOW.toString(), "step", "1m"))).path("data");

    JsonNode values = data.path("result").get(0).path("values");
    assertThat(values.size()).isEqualTo(10);
    values.forEach(v -> assertThat(Double.parseDouble(v.get(1).asText())).as("tokens per second").isPositive());
  }

  /** The queries the console sends: GPU and cost panels, metric detection, the alert chart's measurements. */
  @ParameterizedTest
  @ValueSource(strings = {
      "avg by (Hostname) (DCGM_FI_DEV_GPU_UTIL{Hostname=~\".*\", namespace=~\".*\", pod=~\".*\"})",
      "sum by (Hostname, gpu, namespace, pod) (DCGM_FI_DEV_FB_USED{Hostname=~\".*\", namespace=~\".*\", "
          + "pod=~\".*\"}) * 1048576",
      "max by (Hostname) (DCGM_FI_DEV_XID_ERRORS{Hostname=~\".*\", namespace=~\".*\", pod=~\".*\"})",
      "sum(node_total_hourly_cost)",
      "sum by (node) (node_total_hourly_cost)",
      "sum by (namespace) (container_gpu_allocation * on (node) group_left () max by (node) "
          + "(node_gpu_hourly_cost))",
      "histogram_quantile(0.95, sum by (le, namespace, pod, model_name) "
          + "(rate(vllm:time_to_first_token_seconds_bucket[1m])))",
      "DCGM_FI_DEV_FB_USED / (DCGM_FI_DEV_FB_USED + DCGM_FI_DEV_FB_FREE)",
      "sum by (namespace, pod, model) (rate(nv_inference_request_failure[1m])) / sum by (namespace, pod, model) "
          + "(rate(nv_inference_request_success[1m]) + rate(nv_inference_request_failure[1m]))",
      "model:vllm_time_to_first_token_seconds:p95"})
  void everyQueryTheConsoleSendsHasData(String promql) throws Exception {
    JsonNode data = success(Http.postForm(url, "/api/v1/query_range", Map.of("query", promql,
        "start", Long.toString(NOW.getEpochSecond() - 600), "end", Long.toString(NOW.getEpochSecond()),
        "step", "30"))).path("data");

    assertThat(data.path("result").size()).as(promql).isPositive();
  }

  @Test
  void promqlOutsideTheSubsetIsBadDataThatSaysTheServerIsASimulatedSubset() throws Exception {
    Http.Answer answer = Http.get(url, "/api/v1/query", Map.of("query", "rate(x[5m] offset 1h)"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("status").asText()).isEqualTo("error");
    assertThat(answer.json().path("errorType").asText()).isEqualTo("bad_data");
    assertThat(answer.json().path("error").asText())
        .contains("simulated demo Prometheus supports only a subset").contains("offset");
  }

  @Test
  void malformedPromqlIsBadDataWithAParseError() throws Exception {
    Http.Answer answer = Http.get(url, "/api/v1/query", Map.of("query", "sum by (pod (x)"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("errorType").asText()).isEqualTo("bad_data");
    assertThat(answer.json().path("error").asText()).startsWith("parse error");
  }

  @Test
  void aRangeQueryWithoutStepIsBadData() throws Exception {
    Http.Answer answer = Http.get(url, "/api/v1/query_range", Map.of("query", "up", "start", "1", "end", "2"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("error").asText()).contains("\"step\"");
  }

  @Test
  void anApiOutsideTheSubsetIsBadDataThatSaysSo() throws Exception {
    Http.Answer answer = Http.get(url, "/api/v1/targets");

    assertThat(answer.json().path("errorType").asText()).isEqualTo("bad_data");
    assertThat(answer.json().path("error").asText()).contains("supports only a subset of Prometheus' HTTP API");
  }

  @Test
  void theRulesApiListsTheLabRulesWithTheirHealth() throws Exception {
    JsonNode groups = success(Http.get(url, "/api/v1/rules")).path("data").path("groups");

    List<String> names = new ArrayList<>();
    groups.forEach(g -> names.add(g.path("name").asText()));
    assertThat(names).containsExactly("vllm.rules", "gpu.rules", "triton.rules", "kserve.rules", "seldon.rules",
        "meta.rules");
    JsonNode queueing = groups.get(0).path("rules").get(1);
    assertThat(queueing.path("name").asText()).isEqualTo("VLLMRequestsQueueing");
    assertThat(queueing.path("type").asText()).isEqualTo("alerting");
    assertThat(queueing.path("query").asText()).isEqualTo("vllm:num_requests_waiting > 20");
    assertThat(queueing.path("duration").asInt()).isEqualTo(15);
    assertThat(queueing.path("health").asText()).isEqualTo("ok");
    assertThat(groups.get(0).path("interval").asInt()).isEqualTo(5);

    JsonNode recording = success(Http.get(url, "/api/v1/rules", Map.of("type", "record"))).path("data")
        .path("groups").get(5).path("rules");
    assertThat(recording.size()).isEqualTo(1);
    assertThat(recording.get(0).path("type").asText()).isEqualTo("recording");
  }

  @Test
  void labelValuesListTheValuesOfTheMatchingSeries() throws Exception {
    JsonNode data = success(Http.get(url, "/api/v1/label/namespace/values",
        Map.of("match[]", "vllm:num_requests_running"))).path("data");

    List<String> values = new ArrayList<>();
    data.forEach(v -> values.add(v.asText()));
    assertThat(values).contains("ml-serving");
  }
}
