package dev.pilothouse.sdk.ui.kit.chart;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;

/**
 * Ticks for a time axis at round local times (every 5 minutes on the minute, every 6 hours from midnight, every day
 * at midnight), labelled to suit the step: {@code 14:05:30} below a minute, {@code 14:05} below a day, and the date
 * ({@code Mar 4}) at midnight and for daily steps, so a 24-hour axis shows where the day changes.
 */
public final class TimeTicks {

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long[] STEPS = {SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
        MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR,
        12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY};

    private final long[] times;
    private final long step;
    private final ZoneId zone;
    private final DateTimeFormatter timeFormat;
    private final DateTimeFormatter dateFormat;

    private TimeTicks(long[] times, long step, ZoneId zone) {
        this.times = times;
        this.step = step;
        this.zone = zone;
        Locale locale = Locale.getDefault(Locale.Category.FORMAT);
        this.timeFormat = DateTimeFormatter.ofPattern(step < MINUTE ? "HH:mm:ss" : "HH:mm", locale);
        this.dateFormat = DateTimeFormatter.ofPattern("MMM d", locale);
    }

    /**
     * Ticks within {@code start..end} (epoch milliseconds, both inclusive) at most {@code maxTicks} of them, at
     * round times in {@code zone}.
     */
    public static TimeTicks of(long start, long end, int maxTicks, ZoneId zone) {
        if (end < start) {
            long t = start;
            start = end;
            end = t;
        }
        int max = Math.max(1, maxTicks);
        long step = chooseStep(end - start, max);
        long[] times = step >= DAY ? dailyTicks(start, end, step, zone) : subDailyTicks(start, end, step, zone);
        return new TimeTicks(times, step, zone);
    }

    /** The smallest round step that gives at most {@code maxTicks} ticks over {@code span} milliseconds. */
    static long chooseStep(long span, int maxTicks) {
        for (long s : STEPS) {
            if (span / s < maxTicks) {
                return s;
            }
        }
        long days = (long) Math.ceil((double) span / maxTicks / DAY);
        return Math.max(1, days) * DAY;
    }

    private static long[] subDailyTicks(long start, long end, long step, ZoneId zone) {
        // Align in local time, with the offset at the start: a DST change inside the range shifts later ticks by
        // the change, which is what a wall clock does too.
        long offset = zone.getRules().getOffset(Instant.ofEpochMilli(start)).getTotalSeconds() * SECOND;
        long first = Math.ceilDiv(start + offset, step) * step - offset;
        int count = first > end ? 0 : (int) ((end - first) / step) + 1;
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = first + i * step;
        }
        return out;
    }

    private static long[] dailyTicks(long start, long end, long step, ZoneId zone) {
        long days = step / DAY;
        LocalDate date = Instant.ofEpochMilli(start).atZone(zone).toLocalDate();
        if (days == 7) {
            date = date.minusDays(date.getDayOfWeek().getValue() - 1L); // weeks start on Monday
        } else if (days > 1) {
            date = date.minusDays(Math.floorMod(date.toEpochDay(), days));
        }
        long[] out = new long[16];
        int count = 0;
        while (true) {
            long t = date.atStartOfDay(zone).toInstant().toEpochMilli();
            if (t > end) {
                break;
            }
            if (t >= start) {
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = t;
            }
            date = date.plusDays(days);
        }
        return Arrays.copyOf(out, count);
    }

    /** The step between ticks, in milliseconds. */
    public long step() {
        return step;
    }

    /** The number of ticks. */
    public int count() {
        return times.length;
    }

    /** Tick {@code i}, in epoch milliseconds. */
    public long time(int i) {
        return times[i];
    }

    /** The label of tick {@code i}: a time of day, or the date at midnight and for daily steps. */
    public String label(int i) {
        ZonedDateTime at = Instant.ofEpochMilli(times[i]).atZone(zone);
        if (step >= DAY || at.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return dateFormat.format(at);
        }
        return timeFormat.format(at.truncatedTo(ChronoUnit.SECONDS));
    }
}
