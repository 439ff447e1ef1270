package dev.pilothouse.plugins.monitoring.silences;

import dev.pilothouse.sdk.alerts.Matcher;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The body of Alertmanager's {@code POST /api/v2/silences}, exactly as sent, shown and audited. */
final class SilenceJson {

    private SilenceJson() {
    }

    static String body(List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
        StringBuilder json = new StringBuilder("{\"matchers\":[");
        for (int i = 0; i < matchers.size(); i++) {
            Matcher m = matchers.get(i);
            json.append(i == 0 ? "" : ",").append("{\"name\":").append(quote(m.name()))
                    .append(",\"value\":").append(quote(m.value()))
                    .append(",\"isRegex\":").append(m.regex())
                    .append(",\"isEqual\":").append(m.equal()).append('}');
        }
        return json.append("],\"startsAt\":").append(quote(startsAt.truncatedTo(ChronoUnit.SECONDS).toString()))
                .append(",\"endsAt\":").append(quote(endsAt.truncatedTo(ChronoUnit.SECONDS).toString()))
                .append(",\"createdBy\":").append(quote(createdBy))
                .append(",\"comment\":").append(quote(comment)).append('}').toString();
    }

    static String quote(String s) {
        return dev.pilothouse.sdk.action.JsonBody.quote(s);
    }
}
