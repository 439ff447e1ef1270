package dev.pilothouse.demo.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pilothouse.demo.DemoEnvironment;
import dev.pilothouse.demo.DemoOptions;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lab's workloads of the prod scenario, ticked for two simulated minutes without any server: the KServe, Knative
 * and Seldon families follow the InferenceServices' traffic split and the Seldon Experiment, and every model-serving
 * metric names its model as the models view does.
 */
class LabWorkloadsTest {

  private static DemoEnvironment demo;
  private static LabWorkloads prod;

  /** One data point: its labels and value (a histogram's count). */
  private record Point(Map<String, String> labels, double value) {
    String label(String name) {
      return labels.getOrDefault(name, "");
    }
  }

  @BeforeAll
  static void start() {
    demo = DemoEnvironment.start(DemoOptions.defaults().withSimulate(false));
    prod = LabWorkloads.of(demo.cluster("prod").adminClient());
    for (int second = 0; second < 120; second++) {
      prod.tick(second);
    }
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  private static List<Point> points(LabWorkloads workloads, String family) {
    List<Point> points = new ArrayList<>();
    for (MetricSnapshot metric : workloads.registry().scrape()) {
      String name = metric.getMetadata().getPrometheusName();
      // Counters are named without their _total, which the exposition adds.
      boolean counter = metric instanceof CounterSnapshot;
      if (!(counter ? name + "_total" : name).equals(family)) {
        continue;
      }
      for (DataPointSnapshot p : metric.getDataPoints()) {
        double value = switch (p) {
          case GaugeSnapshot.GaugeDataPointSnapshot g -> g.getValue();
          case CounterSnapshot.CounterDataPointSnapshot c -> c.getValue();
          case HistogramSnapshot.HistogramDataPointSnapshot h -> h.getCount();
          default -> Double.NaN;
        };
        points.add(new Point(map(p.getLabels()), value));
      }
    }
    return points;
  }

  private static Map<String, String> map(Labels labels) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (int i = 0; i < labels.size(); i++) {
      out.put(labels.getPrometheusName(i), labels.getValue(i));
    }
    return out;
  }

  private static double sum(List<Point> points, Predicate<Point> which) {
    return points.stream().filter(which).mapToDouble(Point::value).sum();
  }

  @Test
  void kservePredictorsExportPredictLatencyUnderTheirInferenceServicesName() {
    List<Point> predict = points(prod, "request_predict_seconds");

    assertThat(predict).extracting(p -> p.label("model_name")).contains("fraud-scorer", "sentiment-classifier")
        .doesNotContain("credit-risk");
    assertThat(predict.stream().filter(p -> p.label("model_name").equals("fraud-scorer"))).hasSize(3)
        .allSatisfy(p -> assertThat(p.label("namespace")).isEqualTo("ml-serving"));
  }

  @Test
  void theCanaryRevisionGetsAboutTenPercentOfTheRequestsAndFailsMoreOfThem() {
    List<Point> requests = points(prod, "revision_app_request_count");
    Predicate<Point> canary = p -> p.label("revision_name").equals("fraud-scorer-predictor-00003");
    Predicate<Point> stable = p -> p.label("revision_name").equals("fraud-scorer-predictor-00002");
    Predicate<Point> failed = p -> p.label("response_code_class").equals("5xx");

    double total = sum(requests, canary.or(stable));
    double canaryShare = sum(requests, canary) / total;
    double canaryErrors = sum(requests, canary.and(failed)) / sum(requests, canary);
    double stableErrors = sum(requests, stable.and(failed)) / sum(requests, stable);

    assertThat(canaryShare).isCloseTo(0.10, within(0.02));
    assertThat(canaryErrors).isCloseTo(0.04, within(0.01));
    assertThat(stableErrors).isLessThan(0.01);
    assertThat(requests).filteredOn(canary).allSatisfy(p -> {
      assertThat(p.labels()).containsEntry("namespace_name", "ml-serving")
          .containsEntry("configuration_name", "fraud-scorer-predictor").containsEntry("container_name", "queue-proxy")
          .containsKeys("pod_name", "response_code", "pod", "namespace");
      assertThat(p.label("pod_name")).isEqualTo(p.label("pod")).startsWith("fraud-scorer-predictor-00003");
    });
    assertThat(points(prod, "revision_app_request_latencies")).extracting(p -> p.label("revision_name"))
        .contains("fraud-scorer-predictor-00002", "fraud-scorer-predictor-00003");
    assertThat(points(prod, "revision_queue_depth")).isNotEmpty();
  }

  @Test
  void seldonModelsSplitTheirTrafficAsTheExperimentSays() {
    List<Point> calls = points(prod, "seldon_model_infer_total");
    double v3 = sum(calls, p -> p.label("model").equals("income-classifier"));
    double v4 = sum(calls, p -> p.label("model").equals("income-classifier-v4"));

    assertThat(calls).extracting(p -> p.label("model")).containsOnly("income-classifier", "income-classifier-v4");
    assertThat(v4 / (v3 + v4)).isCloseTo(0.25, within(0.03));
    assertThat(calls).allSatisfy(p -> assertThat(p.labels()).containsEntry("server", "mlserver")
        .containsEntry("method_type", "rest").containsKeys("model_internal", "server_replica", "code", "pod"));
    assertThat(calls).filteredOn(p -> p.label("model").equals("income-classifier")).extracting(p -> p.label(
        "server_replica")).contains("0", "1");
    assertThat(calls).extracting(p -> p.label("model_internal")).contains("income-classifier_2",
        "income-classifier-v4_1");
    assertThat(points(prod, "seldon_model_infer_api_seconds")).extracting(p -> p.label("model"))
        .contains("income-classifier", "income-classifier-v4");
  }

  @Test
  void servingMetricsNameTheModelAsTheModelsViewDoes() {
    assertThat(points(prod, "vllm:num_requests_running")).extracting(p -> p.label("model_name"))
        .contains("llama-3-8b-instruct", "bge-large-en-v1.5").doesNotContain("Meta-Llama-3-8B-Instruct");
    assertThat(points(prod, "nv_inference_request_success")).extracting(p -> p.label("model"))
        .containsOnly("fraud-detector-xgb");
  }

  @Test
  void aClusterWithoutSeldonOrServerlessCanariesExportsTheRest() {
    LabWorkloads staging = LabWorkloads.of(demo.cluster("staging").adminClient());
    staging.tick(0);

    assertThat(points(staging, "seldon_model_infer_total")).isEmpty();
    assertThat(points(staging, "revision_app_request_count")).isEmpty();
    assertThat(points(staging, "request_predict_seconds")).isNotEmpty();
    assertThat(staging.describe()).contains("0 Seldon model replicas");
  }
}
