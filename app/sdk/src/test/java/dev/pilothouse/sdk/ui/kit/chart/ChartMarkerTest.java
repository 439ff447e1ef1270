package dev.pilothouse.sdk.ui.kit.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartMarkerTest {

    @Test
    void aThresholdAboveTheDataWidensTheValueAxisToIt() {
        assertThat(PlotRenderer.valueRange(0.2, 0.5, List.of(ChartMarker.threshold(0.9, "> 0.9"))))
                .containsExactly(0.2, 0.9);
        assertThat(PlotRenderer.valueRange(3, 8, List.of(ChartMarker.threshold(-1, "< -1"))))
                .containsExactly(-1, 8);
    }

    @Test
    void momentsDoNotChangeTheValueAxis() {
        assertThat(PlotRenderer.valueRange(1, 2, List.of(ChartMarker.at(Instant.EPOCH, "firing"))))
                .containsExactly(1, 2);
    }

    @Test
    void withoutDataAThresholdGetsRoomAroundIt() {
        double none = Double.POSITIVE_INFINITY;
        assertThat(PlotRenderer.valueRange(none, -none, List.of(ChartMarker.threshold(20, "> 20"))))
                .containsExactly(18, 22);
        assertThat(PlotRenderer.valueRange(none, -none, List.of())).containsExactly(0, 1);
    }

    @Test
    void aThresholdMustBeANumber() {
        assertThatThrownBy(() -> ChartMarker.threshold(Double.NaN, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ChartMarker.at(Instant.EPOCH, null).label()).isEmpty();
    }
}
