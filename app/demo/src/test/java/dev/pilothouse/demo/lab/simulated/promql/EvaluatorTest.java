package dev.pilothouse.demo.lab.simulated.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.pilothouse.demo.lab.simulated.promql.Value.Sample;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  private static final long T0 = 1_800_000_000_000L;
  private static final long STEP = 5_000;
  /** The time of the 13th point: a full minute of points lies behind it. */
  private static final long NOW = T0 + 12 * STEP;

  private final FakeSeries series = new FakeSeries();

  private static Labels gpu(String node, String gpu, String pod) {
    return Labels.of("__name__", "DCGM_FI_DEV_GPU_UTIL", "Hostname", node, "gpu", gpu, "pod", pod);
  }

  private Value eval(String query, long time) {
    return new Evaluator(series).evaluate(Parser.parse(query), time);
  }

  private Map<Labels, Double> vector(String query) {
    Value value = eval(query, NOW);
    assertThat(value).isInstanceOf(Value.Vector.class);
    Map<Labels, Double> out = new LinkedHashMap<>();
    for (Sample s : ((Value.Vector) value).samples()) {
      out.put(s.labels(), s.value());
    }
    return out;
  }

  private double only(String query) {
    Map<Labels, Double> result = vector(query);
    assertThat(result).hasSize(1);
    return result.values().iterator().next();
  }

  private void threeGpus() {
    series.add(gpu("node-a", "0", "vllm-1"), NOW, STEP, 90)
        .add(gpu("node-a", "1", "vllm-1"), NOW, STEP, 70)
        .add(gpu("node-b", "0", "triton-1"), NOW, STEP, 20)
        .add(Labels.of("__name__", "DCGM_FI_DEV_GPU_TEMP", "Hostname", "node-a", "gpu", "0", "pod", "vllm-1"),
            NOW, STEP, 61);
  }

  @Test
  void aSelectorReturnsEachMatchingSeriesLatestValueWithItsName() {
    series.add(gpu("node-a", "0", "vllm-1"), T0, STEP, 10, 20, 30);

    assertThat(vector("DCGM_FI_DEV_GPU_UTIL")).containsExactly(Map.entry(gpu("node-a", "0", "vllm-1"), 30.0));
  }

  @Test
  void eachMatcherTypeFilters() {
    threeGpus();

    assertThat(vector("DCGM_FI_DEV_GPU_UTIL{Hostname=\"node-a\"}")).hasSize(2);
    assertThat(vector("DCGM_FI_DEV_GPU_UTIL{Hostname!=\"node-a\"}")).containsOnlyKeys(gpu("node-b", "0", "triton-1"));
    assertThat(vector("DCGM_FI_DEV_GPU_UTIL{pod=~\"vllm-.*\", gpu=~\"0|1\"}")).hasSize(2);
    assertThat(vector("DCGM_FI_DEV_GPU_UTIL{pod!~\"vllm.*\"}")).containsOnlyKeys(gpu("node-b", "0", "triton-1"));
    assertThat(vector("DCGM_FI_DEV_GPU_UTIL{pod=~\"vllm\"}")).as("anchored").isEmpty();
  }

  @Test
  void anAbsentLabelMatchesTheEmptyString() {
    series.add(Labels.of("__name__", "x", "pod", "p"), NOW, STEP, 1).add(Labels.of("__name__", "x"), NOW, STEP, 2);

    assertThat(vector("x{pod=\"\"}")).containsOnlyKeys(Labels.of("__name__", "x"));
    assertThat(vector("x{pod=~\".*\"}")).hasSize(2);
  }

  @Test
  void countByNameTellsWhichMetricsExist() {
    threeGpus();

    assertThat(vector("count by (__name__) ({__name__=~\"DCGM_FI_DEV_GPU_UTIL|DCGM_FI_DEV_GPU_TEMP|vllm:x\"})"))
        .containsOnly(Map.entry(Labels.of("__name__", "DCGM_FI_DEV_GPU_UTIL"), 3.0),
            Map.entry(Labels.of("__name__", "DCGM_FI_DEV_GPU_TEMP"), 1.0));
  }

  @Test
  void aSeriesOlderThanTheLookbackOrEndedByAStaleMarkerIsAbsent() {
    series.add(Labels.of("__name__", "old"), NOW - 301_000, STEP, 1)
        .add(Labels.of("__name__", "recent"), NOW - 299_000, STEP, 1)
        .add(Labels.of("__name__", "gone"), NOW - 2 * STEP, STEP, 1, Double.NaN);

    assertThat(vector("{__name__=~\"old|recent|gone\"}")).containsOnlyKeys(Labels.of("__name__", "recent"));
  }

  @Test
  void aggregationsGroupByTheGivenLabels() {
    threeGpus();

    assertThat(vector("sum by (Hostname) (DCGM_FI_DEV_GPU_UTIL)")).containsOnly(
        Map.entry(Labels.of("Hostname", "node-a"), 160.0), Map.entry(Labels.of("Hostname", "node-b"), 20.0));
    assertThat(vector("avg by (Hostname) (DCGM_FI_DEV_GPU_UTIL)")).containsEntry(Labels.of("Hostname", "node-a"), 80.0);
    assertThat(vector("max by (Hostname) (DCGM_FI_DEV_GPU_UTIL)")).containsEntry(Labels.of("Hostname", "node-a"), 90.0);
    assertThat(vector("min by (Hostname) (DCGM_FI_DEV_GPU_UTIL)")).containsEntry(Labels.of("Hostname", "node-a"), 70.0);
    assertThat(vector("count by (Hostname) (DCGM_FI_DEV_GPU_UTIL)"))
        .containsEntry(Labels.of("Hostname", "node-a"), 2.0);
  }

  @Test
  void anAggregationWithoutGroupingMakesOneSeriesWithoutLabels() {
    threeGpus();

    assertThat(vector("sum(DCGM_FI_DEV_GPU_UTIL)")).containsExactly(Map.entry(Labels.EMPTY, 180.0));
    assertThat(vector("count(DCGM_FI_DEV_GPU_UTIL{Hostname=\"none\"})")).isEmpty();
  }

  @Test
  void withoutKeepsTheOtherLabelsButNotTheName() {
    threeGpus();

    assertThat(vector("sum without (gpu) (DCGM_FI_DEV_GPU_UTIL)")).containsOnly(
        Map.entry(Labels.of("Hostname", "node-a", "pod", "vllm-1"), 160.0),
        Map.entry(Labels.of("Hostname", "node-b", "pod", "triton-1"), 20.0));
  }

  @Test
  void arithmeticWithAScalarAppliesToEverySampleAndDropsTheName() {
    threeGpus();

    assertThat(vector("DCGM_FI_DEV_GPU_UTIL{Hostname=\"node-b\"} * 1048576")).containsExactly(
        Map.entry(gpu("node-b", "0", "triton-1").withoutMetricName(), 20.0 * 1048576));
    assertThat(only("100 - DCGM_FI_DEV_GPU_UTIL{Hostname=\"node-b\"}")).isEqualTo(80);
    assertThat(only("DCGM_FI_DEV_GPU_UTIL{Hostname=\"node-b\"} / 8")).isEqualTo(2.5);
  }

  @Test
  void scalarsComputeToAScalarWithPromqlPrecedence() {
    assertThat(eval("1 + 2 * 3", NOW)).isEqualTo(new Value.Scalar(7));
    assertThat(eval("-2 ^ 2", NOW)).isEqualTo(new Value.Scalar(-4));
    assertThat(eval("(1 + 2) * 3", NOW)).isEqualTo(new Value.Scalar(9));
    assertThat(eval("2 > bool 1", NOW)).isEqualTo(new Value.Scalar(1));
  }

  @Test
  void twoVectorsPairUpByLabelsIgnoringTheirNames() {
    Labels gpu0 = Labels.of("gpu", "0", "Hostname", "node-a");
    Labels gpu1 = Labels.of("gpu", "1", "Hostname", "node-a");
    series.add(gpu0.with("__name__", "DCGM_FI_DEV_FB_USED"), NOW, STEP, 79_872)
        .add(gpu0.with("__name__", "DCGM_FI_DEV_FB_FREE"), NOW, STEP, 2_048)
        .add(gpu1.with("__name__", "DCGM_FI_DEV_FB_USED"), NOW, STEP, 40_960)
        .add(gpu1.with("__name__", "DCGM_FI_DEV_FB_FREE"), NOW, STEP, 40_960)
        .add(Labels.of("__name__", "DCGM_FI_DEV_FB_USED", "gpu", "9"), NOW, STEP, 1);

    Map<Labels, Double> ratio = vector("DCGM_FI_DEV_FB_USED / (DCGM_FI_DEV_FB_USED + DCGM_FI_DEV_FB_FREE)");

    assertThat(ratio).containsOnlyKeys(gpu0, gpu1).as("gpu 9 has no partner and is dropped");
    assertThat(ratio.get(gpu0)).isCloseTo(0.975, within(1e-9));
    assertThat(vector("DCGM_FI_DEV_FB_USED / (DCGM_FI_DEV_FB_USED + DCGM_FI_DEV_FB_FREE) > 0.95"))
        .containsOnlyKeys(gpu0);
  }

  @Test
  void aComparisonWithAScalarFiltersAndKeepsTheSampleAsItIs() {
    threeGpus();

    assertThat(vector("DCGM_FI_DEV_GPU_UTIL > 50")).containsOnly(
        Map.entry(gpu("node-a", "0", "vllm-1"), 90.0), Map.entry(gpu("node-a", "1", "vllm-1"), 70.0));
    assertThat(vector("DCGM_FI_DEV_GPU_UTIL == 20")).containsOnlyKeys(gpu("node-b", "0", "triton-1"));
    assertThat(vector("DCGM_FI_DEV_GPU_UTIL != 20")).hasSize(2);
    assertThat(vector("DCGM_FI_DEV_GPU_UTIL >= 70")).hasSize(2);
    assertThat(vector("DCGM_FI_DEV_GPU_UTIL <= 70")).hasSize(2);
    assertThat(vector("DCGM_FI_DEV_GPU_UTIL < 70")).hasSize(1);
    assertThat(vector("50 < DCGM_FI_DEV_GPU_UTIL")).as("scalar on the left").hasSize(2);
  }

  @Test
  void boolTurnsAComparisonIntoZeroOrOne() {
    threeGpus();

    assertThat(vector("DCGM_FI_DEV_GPU_UTIL > bool 50").values()).containsExactlyInAnyOrder(1.0, 1.0, 0.0);
  }

  @Test
  void groupLeftCopiesTheOneSidesLabelsOntoTheMany() {
    series.add(Labels.of("__name__", "container_gpu_allocation", "namespace", "ml", "pod", "a", "node", "n1"),
            NOW, STEP, 2)
        .add(Labels.of("__name__", "container_gpu_allocation", "namespace", "ml", "pod", "b", "node", "n1"),
            NOW, STEP, 1)
        .add(Labels.of("__name__", "node_gpu_hourly_cost", "node", "n1", "instance", "n1"), NOW, STEP, 4.1);

    assertThat(vector("sum by (namespace) (container_gpu_allocation * on (node) group_left () max by (node) "
        + "(node_gpu_hourly_cost))")).containsOnlyKeys(Labels.of("namespace", "ml"))
        .hasEntrySatisfying(Labels.of("namespace", "ml"), v -> assertThat(v).isCloseTo(12.3, within(1e-9)));
  }

  @Test
  void manyToManyMatchingIsAnError() {
    series.add(Labels.of("__name__", "a", "x", "1", "y", "1"), NOW, STEP, 1)
        .add(Labels.of("__name__", "a", "x", "1", "y", "2"), NOW, STEP, 1)
        .add(Labels.of("__name__", "b", "x", "1"), NOW, STEP, 1)
        .add(Labels.of("__name__", "b", "x", "1", "z", "1"), NOW, STEP, 1);

    assertThatThrownBy(() -> eval("a * on (x) b", NOW)).isInstanceOf(PromqlException.class)
        .hasMessageContaining("many-to-many matching not allowed");
  }

  @Test
  void rateOfASteadyCounterIsItsSlopeAndIncreaseCoversTheWholeRange() {
    double[] counter = new double[13];
    for (int i = 0; i < counter.length; i++) {
      counter[i] = 1_000 + 50 * i; // 10 per second, sampled every 5 s
    }
    series.add(Labels.of("__name__", "vllm:prompt_tokens_total", "pod", "p"), T0, STEP, counter);

    assertThat(only("rate(vllm:prompt_tokens_total[1m])")).isCloseTo(10, within(1e-9));
    assertThat(only("increase(vllm:prompt_tokens_total[1m])")).isCloseTo(600, within(1e-9));
    assertThat(only("irate(vllm:prompt_tokens_total[1m])")).isCloseTo(10, within(1e-9));
    assertThat(vector("rate(vllm:prompt_tokens_total[1m])")).containsOnlyKeys(Labels.of("pod", "p"));
  }

  @Test
  void aCounterResetDoesNotCountAsADecrease() {
    series.add(Labels.of("__name__", "c_total"), T0 + 8 * STEP, STEP, 100, 150, 20, 70, 120);

    // 50 + 20 (after the reset, from 0) + 50 + 50 over 20 s of points, extrapolated half a step at each side
    // but no further back than the counter's zero.
    assertThat(only("increase(c_total[1m])")).isGreaterThan(170).isLessThan(215);
  }

  @Test
  void rateNeedsTwoPoints() {
    series.add(Labels.of("__name__", "c_total"), NOW, STEP, 5);

    assertThat(vector("rate(c_total[1m])")).isEmpty();
  }

  @Test
  void overTimeFunctionsSummariseTheRange() {
    series.add(Labels.of("__name__", "g"), T0 + 10 * STEP, STEP, 3, 9, 6);

    assertThat(only("avg_over_time(g[1m])")).isEqualTo(6);
    assertThat(only("max_over_time(g[1m])")).isEqualTo(9);
    assertThat(only("min_over_time(g[1m])")).isEqualTo(3);
    assertThat(only("delta(g[1m])")).isGreaterThan(3);
  }

  @Test
  void histogramQuantileInterpolatesWithinTheBucketOfTheRank() {
    // 100 observations: 50 up to 0.1 s, 40 more up to 0.5 s, 10 more up to 1 s.
    Labels bucket = Labels.of("__name__", "ttft_bucket", "pod", "p");
    series.add(bucket.with("le", "0.1"), NOW, STEP, 50)
        .add(bucket.with("le", "0.5"), NOW, STEP, 90)
        .add(bucket.with("le", "1.0"), NOW, STEP, 100)
        .add(bucket.with("le", "+Inf"), NOW, STEP, 100);

    assertThat(vector("histogram_quantile(0.5, ttft_bucket)"))
        .containsExactly(Map.entry(Labels.of("pod", "p"), 0.1));
    assertThat(only("histogram_quantile(0.7, ttft_bucket)")).isCloseTo(0.3, within(1e-9));
    assertThat(only("histogram_quantile(0.95, sum by (le) (ttft_bucket))")).isCloseTo(0.75, within(1e-9));
    assertThat(only("histogram_quantile(1, ttft_bucket)")).as("capped at the highest finite bound").isEqualTo(1.0);
  }

  @Test
  void histogramQuantileOfAnEmptyHistogramIsNaN() {
    Labels bucket = Labels.of("__name__", "h_bucket");
    series.add(bucket.with("le", "1"), NOW, STEP, 0).add(bucket.with("le", "+Inf"), NOW, STEP, 0);

    assertThat(only("histogram_quantile(0.9, h_bucket)")).isNaN();
  }

  @Test
  void vectorMakesASeriesWithoutLabels() {
    assertThat(vector("vector(1)")).containsExactly(Map.entry(Labels.EMPTY, 1.0));
    assertThat(eval("time()", NOW)).isEqualTo(new Value.Scalar(NOW / 1000.0));
  }

  @Test
  void aRangeSelectorAtTheTopReturnsTheRawPoints() {
    series.add(Labels.of("__name__", "g"), T0 + 10 * STEP, STEP, 3, 9, 6);

    Value value = eval("g[1m]", NOW);

    assertThat(value).isInstanceOfSatisfying(Value.Matrix.class,
        m -> assertThat(m.series().getFirst().values()).containsExactly(3, 9, 6));
  }

  @Test
  void aResultWithTwoIdenticalLabelSetsIsAnError() {
    series.add(Labels.of("__name__", "a", "x", "1"), NOW, STEP, 1)
        .add(Labels.of("__name__", "b", "x", "1"), NOW, STEP, 2);

    assertThatThrownBy(() -> eval("{__name__=~\"a|b\"} * 2", NOW)).isInstanceOf(PromqlException.class)
        .hasMessageContaining("same labelset");
  }
}
