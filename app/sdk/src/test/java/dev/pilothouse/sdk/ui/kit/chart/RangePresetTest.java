package dev.pilothouse.sdk.ui.kit.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RangePresetTest {

    @ParameterizedTest(name = "{0} -> step {1}")
    @CsvSource({"LAST_15_MINUTES, PT1S", "LAST_HOUR, PT5S", "LAST_6_HOURS, PT15S", "LAST_24_HOURS, PT1M",
        "LAST_7_DAYS, PT10M"})
    void choosesTheFinestRoundStepWithinThePointBudget(RangePreset preset, Duration step) {
        assertThat(preset.step()).isEqualTo(step);
    }

    @ParameterizedTest
    @EnumSource(RangePreset.class)
    void aQueryReturnsAtMostFifteenHundredPointsPerSeries(RangePreset preset) {
        TimeRange range = preset.endingAt(Instant.parse("2025-03-04T10:07:31.250Z"));

        assertThat(range.points()).isLessThanOrEqualTo(RangePreset.MAX_POINTS);
        assertThat(range.duration()).isEqualTo(preset.duration());
        assertThat(range.step()).isEqualTo(preset.step());
    }

    @Test
    void theEndIsRoundedDownToAWholeStepSoRefreshesEvaluateAtTheSameInstants() {
        TimeRange range = RangePreset.LAST_24_HOURS.endingAt(Instant.parse("2025-03-04T10:07:31.250Z"));

        assertThat(range.end()).isEqualTo(Instant.parse("2025-03-04T10:07:00Z"));
        assertThat(range.start()).isEqualTo(Instant.parse("2025-03-03T10:07:00Z"));
    }

    @Test
    void labelsAreTheShortFormsAndParseBack() {
        assertThat(RangePreset.values()).extracting(RangePreset::label).containsExactly("15m", "1h", "6h", "24h", "7d");
        assertThat(RangePreset.fromLabel("6H")).contains(RangePreset.LAST_6_HOURS);
        assertThat(RangePreset.fromLabel("2h")).isEmpty();
    }

    @Test
    void aTimeRangeMustMoveForwardWithAPositiveStep() {
        Instant t = Instant.parse("2025-03-04T10:00:00Z");
        assertThatThrownBy(() -> new TimeRange(t, t, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not after");
        assertThatThrownBy(() -> new TimeRange(t, t.plusSeconds(60), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step");
    }
}
