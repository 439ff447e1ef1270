package dev.pilothouse.plugins.monitoring.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleExpressionTest {

    @Test
    void splitsATopLevelComparisonWithAConstant() {
        RuleExpression e = RuleExpression.of("vllm:kv_cache_usage_perc > 0.9");
        assertThat(e.measured()).isEqualTo("vllm:kv_cache_usage_perc");
        assertThat(e.threshold()).contains(0.9);
        assertThat(e.thresholdLabel()).isEqualTo("> 0.9");
    }

    @Test
    void ignoresComparisonsInsideParenthesesBracesAndStrings() {
        RuleExpression e = RuleExpression.of(
                "histogram_quantile(0.95, sum by (le) (rate(x_bucket{job=\"a>b\", le!=\"1\"}[5m]))) >= 2");
        assertThat(e.measured()).isEqualTo(
                "histogram_quantile(0.95, sum by (le) (rate(x_bucket{job=\"a>b\", le!=\"1\"}[5m])))");
        assertThat(e.operator()).isEqualTo(">=");
        assertThat(e.threshold()).contains(2.0);
        assertThat(e.thresholdLabel()).isEqualTo(">= 2");
    }

    @Test
    void keepsARatioOnTheLeftWhole() {
        RuleExpression e = RuleExpression.of("DCGM_FI_DEV_FB_USED / (DCGM_FI_DEV_FB_USED + DCGM_FI_DEV_FB_FREE) > 0.95");
        assertThat(e.measured()).isEqualTo("DCGM_FI_DEV_FB_USED / (DCGM_FI_DEV_FB_USED + DCGM_FI_DEV_FB_FREE)");
        assertThat(e.threshold()).contains(0.95);
    }

    @Test
    void acceptsBoolAndNegativeConstants() {
        assertThat(RuleExpression.of("up == bool 0").threshold()).contains(0.0);
        assertThat(RuleExpression.of("delta(x[5m]) < -1.5").threshold()).contains(-1.5);
    }

    @Test
    void chartsAsWrittenWhenThereIsNoSingleMeasurement() {
        for (String q : new String[] {"vector(1)", "a > on(pod) b", "a > 1 and b < 2", "a > 1 unless c",
            "rate(x[5m]) > 2 * 3", "  up  "}) {
            RuleExpression e = RuleExpression.of(q);
            assertThat(e.measured()).as(q).isEqualTo(q.strip());
            assertThat(e.threshold()).as(q).isEqualTo(Optional.empty());
            assertThat(e.thresholdLabel()).as(q).isEmpty();
        }
    }

    @Test
    void doesNotMistakeNamesContainingOperatorWordsForSetOperators() {
        RuleExpression e = RuleExpression.of("sum(orders_total) + android_errors > 5");
        assertThat(e.measured()).isEqualTo("sum(orders_total) + android_errors");
        assertThat(e.threshold()).contains(5.0);
    }
}
