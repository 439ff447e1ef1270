package dev.pilothouse.plugins.mlworkloads.models.serving;

import dev.pilothouse.sdk.metrics.Sample;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Serving figures reach the right model whichever way the series name it. */
class ServingFiguresTest {

    private static ServingQuery query(String family, Measure measure) {
        return ServingQueries.all().stream().filter(q -> q.family().equals(family) && q.measure() == measure)
                .findFirst().orElseThrow();
    }

    private static Sample sample(double value, String... labels) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            map.put(labels[i], labels[i + 1]);
        }
        return new Sample(map, Instant.EPOCH, value);
    }

    @Test
    void aModelLabelNamesTheModelAndTheServersOwnFamilyWinsOverTheProxy() {
        ServingFigures figures = new ServingFigures(List.of(
                new ServingFigures.Answer(query("vLLM", Measure.REQUEST_RATE), List.of(
                        sample(12.5, "namespace", "ml-serving", "model_name", "Meta-Llama-3-8B-Instruct"),
                        sample(99, "namespace", "other", "model_name", "Meta-Llama-3-8B-Instruct"))),
                new ServingFigures.Answer(query("Knative", Measure.REQUEST_RATE), List.of(
                        sample(40, "namespace_name", "ml-serving", "revision_name", "llama-3-8b-instruct-00001")))));

        var mine = figures.of("ml-serving", "llama-3-8b-instruct", "Deployment", "Meta-Llama-3-8B-Instruct");
        assertThat(mine.get(Measure.REQUEST_RATE).value()).isEqualTo(12.5);
        assertThat(mine.get(Measure.REQUEST_RATE).family()).isEqualTo("vLLM");
    }

    @Test
    void revisionsOfACanaryAddUpTheirRatesButTheWorstErrorRatioShows() {
        ServingFigures figures = new ServingFigures(List.of(
                new ServingFigures.Answer(query("Knative", Measure.REQUEST_RATE), List.of(
                        sample(90, "namespace_name", "ml-serving", "revision_name", "fraud-scorer-predictor-00001"),
                        sample(10, "namespace_name", "ml-serving", "revision_name", "fraud-scorer-predictor-00002"),
                        sample(7, "namespace_name", "ml-serving", "revision_name", "fraud-scorer-v2-predictor-00001"),
                        sample(5, "namespace_name", "ml-serving", "revision_name", "fraud-scorer-transformer-00001"))),
                new ServingFigures.Answer(query("Knative", Measure.ERROR_RATIO), List.of(
                        sample(0.002, "namespace_name", "ml-serving", "revision_name", "fraud-scorer-predictor-00001"),
                        sample(0.08, "namespace_name", "ml-serving", "revision_name", "fraud-scorer-predictor-00002"),
                        sample(Double.NaN, "namespace_name", "ml-serving", "revision_name", "fraud-scorer-x")))));

        var mine = figures.of("ml-serving", "fraud-scorer", "InferenceService", "fraud-scorer");
        // fraud-scorer-v2's revisions and the transformer's start with "fraud-scorer-" too, but are not its predictor.
        assertThat(mine.get(Measure.REQUEST_RATE).value()).isCloseTo(100, within(1e-9));
        assertThat(mine.get(Measure.ERROR_RATIO).value()).isEqualTo(0.08);
        assertThat(figures.of("ml-serving", "unknown", "InferenceService", "").isEmpty()).isTrue();
    }

    @Test
    void tritonLatencyIsAMeanAndSaysSo() {
        ServingFigures figures = new ServingFigures(List.of(new ServingFigures.Answer(
                query("Triton", Measure.LATENCY_P99), List.of(sample(0.012, "model", "resnet50")))));
        ServingFigures.Figure f = figures.of("ml", "resnet50-triton", "Deployment", "resnet50").get(Measure.LATENCY_P99);
        assertThat(f.average()).isTrue();
        assertThat(ServingColumns.text(f, Measure.LATENCY_P99)).endsWith(" avg");
    }

    @Test
    void queriesTakeAModelsMatchersInEverySelectorAndNoneForTheList() {
        ServingQuery errors = query("Knative", Measure.ERROR_RATIO);
        assertThat(errors.forAll()).doesNotContain("@@").contains("revision_app_request_count{response_code_class=\"5xx\"}")
                .contains("revision_app_request_count{}[5m]");
        String forCanary = errors.forModel("ml-serving", "fraud.scorer", "InferenceService", "fraud-scorer").orElseThrow();
        assertThat(forCanary)
                .contains("{namespace_name=\"ml-serving\",revision_name=~\"fraud\\\\.scorer-predictor-[0-9]{5}\","
                        + "response_code_class=\"5xx\"}")
                .contains("{namespace_name=\"ml-serving\",revision_name=~\"fraud\\\\.scorer-predictor-[0-9]{5}\"}[5m]")
                .as("no error series yet means 0 %").contains(" or ").contains(" * 0) / ");
        assertThat(errors.forModel("ml", "fraud-detector", "Deployment", "fraud")).as("a Deployment has no revisions")
                .isEmpty();
        assertThat(query("vLLM", Measure.TIME_TO_FIRST_TOKEN).forModel("ml", "llama", "Deployment", "Meta \"x\" (8B)")
                .orElseThrow()).contains("model_name=~\"Meta \\\"x\\\" \\\\(8B\\\\)|llama\"");
        assertThat(query("TGI", Measure.REQUEST_RATE).forModel("ml", "llama", "Deployment", "").orElseThrow())
                .contains("pod=~\"llama-[a-z0-9]{1,10}-[a-z0-9]{5}\"");
        ServingQueries.all().forEach(q -> assertThat(q.forAll()).doesNotContain("@@"));
    }
}
