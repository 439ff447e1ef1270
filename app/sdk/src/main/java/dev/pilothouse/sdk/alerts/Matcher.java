package dev.pilothouse.sdk.alerts;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One label matcher of a silence, as Alertmanager's API v2 spells it.
 *
 * @param name    the label name
 * @param value   the value, or a regular expression when {@code regex}
 * @param regex   whether {@code value} is an anchored regular expression
 * @param equal   true for {@code =}/{@code =~}, false for {@code !=}/{@code !~}
 */
public record Matcher(String name, String value, boolean regex, boolean equal) {

    public Matcher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a matcher needs a label name");
        }
    }

    /** An {@code name="value"} matcher. */
    public static Matcher equal(String name, String value) {
        return new Matcher(name, value, false, true);
    }

    /** Whether a label set satisfies this matcher (a missing label is the empty string, as in Alertmanager). */
    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        boolean hit = regex ? Pattern.compile(value).matcher(actual).matches() : value.equals(actual);
        return hit == equal;
    }

    /** The matcher as Alertmanager prints it, e.g. {@code alertname="X"} or {@code pod=~"a.*"}. */
    @Override
    public String toString() {
        String op = (equal ? "=" : "!") + (regex ? "~" : (equal ? "" : "="));
        return name + op + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
