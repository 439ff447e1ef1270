package dev.pilothouse.plugins.monitoring.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilothouse.sdk.alerts.Alert;
import dev.pilothouse.sdk.alerts.AlertState;
import dev.pilothouse.sdk.alerts.Rule;
import dev.pilothouse.sdk.alerts.RuleHealth;
import dev.pilothouse.sdk.metrics.Series;
import dev.pilothouse.sdk.metrics.Unit;
import dev.pilothouse.sdk.ui.kit.chart.ChartMarker;
import dev.pilothouse.sdk.ui.kit.chart.RangePreset;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertChartTest {

    private static final Instant ACTIVE = Instant.parse("2026-11-23T10:00:00Z");

    private static Alert alert(AlertState state) {
        return new Alert("prod", Map.of("alertname", "KV", "namespace", "ml", "pod", "llama-0", "severity", "warning"),
                Map.of(), state, ACTIVE, "0.95", "fp", "", List.of(), List.of());
    }

    private static Rule rule(String query, Duration forDuration) {
        return new Rule("KV", true, query, forDuration, Map.of(), Map.of(), RuleHealth.OK, "", null, 1);
    }

    private static Series series(Map<String, String> labels) {
        return new Series(labels, new long[] {1}, new double[] {1});
    }

    @Test
    void showsOnlyTheAlertsOwnSeriesWhenItCanTellThemApart() {
        Series own = series(Map.of("__name__", "vllm:kv_cache_usage_perc", "namespace", "ml", "pod", "llama-0"));
        Series other = series(Map.of("__name__", "vllm:kv_cache_usage_perc", "namespace", "ml", "pod", "llama-1"));
        assertThat(AlertChart.seriesOf(alert(AlertState.FIRING), List.of(other, own))).containsExactly(own);
    }

    @Test
    void showsEverySeriesWhenNoneCarriesOnlyTheAlertsLabels() {
        Series a = series(Map.of("model", "x"));
        Series b = series(Map.of("model", "y"));
        assertThat(AlertChart.seriesOf(alert(AlertState.FIRING), List.of(a, b))).containsExactly(a, b);
    }

    @Test
    void marksTheThresholdAndWhenTheAlertWentPendingAndFiring() {
        Rule r = rule("vllm:kv_cache_usage_perc > 0.9", Duration.ofSeconds(30));
        List<ChartMarker> markers = AlertChart.markers(alert(AlertState.FIRING), r, RuleExpression.of(r.query()),
                ZoneOffset.UTC);
        assertThat(markers).containsExactly(ChartMarker.threshold(0.9, "> 0.9"),
                ChartMarker.at(ACTIVE, "pending 10:00:00"),
                ChartMarker.at(ACTIVE.plusSeconds(30), "firing 10:00:30"));
    }

    @Test
    void aPendingAlertHasNoFiringMarkAndARuleWithoutForFiresAtOnce() {
        Rule waits = rule("x > 1", Duration.ofMinutes(5));
        assertThat(AlertChart.markers(alert(AlertState.PENDING), waits, RuleExpression.of(waits.query()),
                ZoneOffset.UTC)).extracting(ChartMarker::label).containsExactly("> 1", "pending 10:00:00");
        Rule immediate = rule("x > 1", Duration.ZERO);
        assertThat(AlertChart.markers(alert(AlertState.FIRING), immediate, RuleExpression.of(immediate.query()),
                ZoneOffset.UTC)).extracting(ChartMarker::label).containsExactly("> 1", "firing 10:00:00");
    }

    @Test
    void theRangeShowsTheActivePeriodWithAsMuchTimeBeforeIt() {
        assertThat(AlertChart.rangeFor(ACTIVE, ACTIVE.plusSeconds(60))).isEqualTo(RangePreset.LAST_15_MINUTES);
        assertThat(AlertChart.rangeFor(ACTIVE, ACTIVE.plus(Duration.ofMinutes(20)))).isEqualTo(RangePreset.LAST_HOUR);
        assertThat(AlertChart.rangeFor(ACTIVE, ACTIVE.plus(Duration.ofHours(2)))).isEqualTo(RangePreset.LAST_6_HOURS);
        assertThat(AlertChart.rangeFor(ACTIVE, ACTIVE.plus(Duration.ofDays(30)))).isEqualTo(RangePreset.LAST_7_DAYS);
        assertThat(AlertChart.rangeFor(null, ACTIVE)).isEqualTo(RangePreset.LAST_HOUR);
    }

    @Test
    void guessesTheUnitFromPrometheusNamingConventions() {
        assertThat(AlertChart.unitOf("histogram_quantile(0.95, sum by (le) (rate(x_seconds_bucket[5m])))"))
                .isEqualTo(Unit.SECONDS);
        assertThat(AlertChart.unitOf("vllm:kv_cache_usage_perc")).isEqualTo(Unit.RATIO);
        assertThat(AlertChart.unitOf("DCGM_FI_DEV_FB_USED / (DCGM_FI_DEV_FB_USED + DCGM_FI_DEV_FB_FREE)"))
                .isEqualTo(Unit.RATIO);
        assertThat(AlertChart.unitOf("DCGM_FI_DEV_GPU_TEMP")).isEqualTo(Unit.CELSIUS);
        assertThat(AlertChart.unitOf("sum(rate(nv_inference_request_failure[5m]))")).isEqualTo(Unit.PER_SECOND);
        assertThat(AlertChart.unitOf("vllm:num_requests_waiting")).isEqualTo(Unit.NONE);
    }

    @Test
    void theLegendNamesSeriesByWhatTellsThemApart() {
        Series a = series(Map.of("__name__", "x", "namespace", "ml", "pod", "llama-0", "gpu", "0"));
        Series b = series(Map.of("__name__", "x", "namespace", "ml", "pod", "llama-0", "gpu", "1"));
        java.util.Set<String> varying = AlertChart.varyingLabels(List.of(a, b));
        assertThat(varying).containsExactly("gpu");
        assertThat(AlertChart.legendLabel(a, "x", varying)).isEqualTo("{gpu=\"0\"}");

        assertThat(AlertChart.varyingLabels(List.of(a))).isEmpty();
        assertThat(AlertChart.legendLabel(a, "DCGM_FI_DEV_XID_ERRORS", java.util.Set.of()))
                .isEqualTo("DCGM_FI_DEV_XID_ERRORS");
        assertThat(AlertChart.legendLabel(a, "y".repeat(80), java.util.Set.of())).hasSize(60).endsWith("…");
    }
}
