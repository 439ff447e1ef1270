package dev.pilothouse.plugins.monitoring.silences;

import dev.pilothouse.sdk.action.ActionException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Alertmanager and Prometheus write them: {@code 90m}, {@code 2h}, {@code 1d12h}, {@code 1w}. */
final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)([smhdw])");

    private Durations() {
    }

    static Duration parse(String field, String text) throws ActionException {
        String s = text.strip();
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            });
            at = m.end();
        }
        if (s.isEmpty() || at != s.length() || total.isZero()) {
            throw new ActionException(field + ": '" + text + "' is not a duration such as 30m, 2h or 1d");
        }
        return total;
    }

    static String format(Duration d) {
        if (d.toDays() > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0 && d.toMinutesPart() == 0) {
            return d.toHours() + "h";
        }
        return d.toMinutes() + "m";
    }
}
