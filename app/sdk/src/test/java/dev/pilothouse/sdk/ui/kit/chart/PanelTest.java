package dev.pilothouse.sdk.ui.kit.chart;

import dev.pilothouse.sdk.metrics.Panel;
import dev.pilothouse.sdk.metrics.Unit;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Panels as charts use them: query placeholders and legend names. */
class PanelTest {

    private final Panel panel = Panel.of("gpu", "GPU utilisation",
            "avg by (pod) (gpu_util{namespace=\"{{namespace}}\", model=~\"{{ model }}\"})", Unit.RATIO)
            .withLegendFormat("{{namespace}}/{{pod}}");

    @Test
    void fillsPlaceholders() {
        assertThat(panel.placeholders()).containsExactly("namespace", "model");
        assertThat(panel.queryFor(Map.of("namespace", "serving", "model", "llama.*")))
                .isEqualTo("avg by (pod) (gpu_util{namespace=\"serving\", model=~\"llama.*\"})");
    }

    @Test
    void escapesValuesSoTheyCannotLeaveTheirString() {
        String q = panel.queryFor(Map.of("namespace", "a\"} or up{x=\"", "model", "m"));

        assertThat(q).contains("namespace=\"a\\\"} or up{x=\\\"\"");
    }

    @Test
    void namesAMissingVariable() {
        assertThatThrownBy(() -> panel.queryFor(Map.of("namespace", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{model}}").hasMessageContaining("gpu");
    }

    @Test
    void legendFormatUsesSeriesLabelsAndLeavesMissingOnesEmpty() {
        assertThat(panel.legendLabel(Map.of("namespace", "serving", "pod", "llm-0"))).isEqualTo("serving/llm-0");
        assertThat(panel.legendLabel(Map.of("pod", "llm-0"))).isEqualTo("/llm-0");
    }

    @Test
    void withoutFormatTheLegendShowsLabelsPrometheusStyle() {
        Panel plain = Panel.of("up", "Up", "up", Unit.NONE);

        assertThat(plain.legendLabel(Map.of("__name__", "up", "job", "api", "instance", "a:9090")))
                .isEqualTo("up{instance=\"a:9090\", job=\"api\"}");
        assertThat(plain.legendLabel(Map.of("__name__", "up"))).isEqualTo("up");
        assertThat(plain.legendLabel(Map.of())).isEqualTo("{}");
    }

    @Test
    void requiresIdTitleAndQuery() {
        assertThatThrownBy(() -> Panel.of(" ", "t", "up", Unit.NONE)).hasMessageContaining("id");
        assertThatThrownBy(() -> Panel.of("x", "t", "", Unit.NONE)).hasMessageContaining("query");
        assertThat(new Panel("x", "t", "up", null, null, null, null).unit()).isEqualTo(Unit.NONE);
    }
}
