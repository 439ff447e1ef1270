package dev.pilothouse.sdk.ui.kit.chart;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class TimeTicksTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void fifteenMinutesGetMinuteTicksOnTheMinute() {
        TimeTicks ticks = TimeTicks.of(at("2025-03-04T10:03:17Z"), at("2025-03-04T10:18:17Z"), 10, UTC);

        assertThat(ticks.step()).isEqualTo(Duration.ofMinutes(2).toMillis());
        assertThat(ticks.label(0)).isEqualTo("10:04");
        for (int i = 0; i < ticks.count(); i++) {
            assertThat(ticks.time(i) % ticks.step()).isZero();
        }
    }

    @Test
    void secondsShowWhenTheStepIsBelowAMinute() {
        TimeTicks ticks = TimeTicks.of(at("2025-03-04T10:00:00Z"), at("2025-03-04T10:01:00Z"), 8, UTC);

        assertThat(ticks.step()).isEqualTo(10_000);
        assertThat(ticks.label(1)).isEqualTo("10:00:10");
    }

    @Test
    void aDayShowsTheDateAtMidnight() {
        TimeTicks ticks = TimeTicks.of(at("2025-03-04T13:00:00Z"), at("2025-03-05T13:00:00Z"), 10, UTC);

        assertThat(ticks.step()).isEqualTo(Duration.ofHours(3).toMillis());
        boolean sawMidnight = false;
        for (int i = 0; i < ticks.count(); i++) {
            if (ticks.time(i) == at("2025-03-05T00:00:00Z")) {
                assertThat(ticks.label(i)).doesNotContain(":").contains("5");
                sawMidnight = true;
            } else {
                assertThat(ticks.label(i)).matches("\\d\\d:00");
            }
        }
        assertThat(sawMidnight).isTrue();
    }

    @Test
    void sevenDaysGetDailyTicksAtLocalMidnight() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        long start = ZonedDateTime.of(2025, 3, 4, 15, 0, 0, 0, berlin).toInstant().toEpochMilli();
        long end = start + Duration.ofDays(7).toMillis();

        TimeTicks ticks = TimeTicks.of(start, end, 10, berlin);

        assertThat(ticks.step()).isEqualTo(Duration.ofDays(1).toMillis());
        assertThat(ticks.count()).isEqualTo(7);
        for (int i = 0; i < ticks.count(); i++) {
            assertThat(Instant.ofEpochMilli(ticks.time(i)).atZone(berlin).toLocalTime().toSecondOfDay()).isZero();
        }
    }

    @Test
    void hourTicksAlignToTheLocalZone() {
        ZoneId india = ZoneId.of("Asia/Kolkata"); // UTC+05:30: local round hours are not UTC round hours
        long start = ZonedDateTime.of(2025, 3, 4, 1, 10, 0, 0, india).toInstant().toEpochMilli();

        TimeTicks ticks = TimeTicks.of(start, start + Duration.ofHours(6).toMillis(), 6, india);

        assertThat(ticks.step()).isEqualTo(Duration.ofHours(2).toMillis());
        assertThat(ticks.label(0)).isEqualTo("02:00");
    }

    @Test
    void neverExceedsTheTickBudget() {
        long start = at("2025-01-01T00:00:00Z");
        for (long span : new long[] {5_000, 900_000, 3_600_000, 86_400_000, 604_800_000, 31_536_000_000L}) {
            for (int max : new int[] {1, 3, 12}) {
                assertThat(TimeTicks.of(start, start + span, max, UTC).count()).as("span %d max %d", span, max)
                        .isLessThanOrEqualTo(max + 1);
            }
        }
    }
}
