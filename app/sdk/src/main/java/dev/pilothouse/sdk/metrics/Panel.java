package dev.pilothouse.sdk.metrics;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chart a plugin defines: a PromQL query with a title and a unit. The query may hold {@code {{name}}}
 * placeholders (for example {@code {{namespace}}}) that the view fills in with {@link #queryFor(Map)}; the legend
 * format names series by their labels, for example {@code {{pod}}} or {@code {{namespace}}/{{pod}}}.
 *
 * @param id           a stable identifier, unique within the plugin ({@code gpu-utilisation})
 * @param title        the panel's title
 * @param query        PromQL, possibly with {@code {{name}}} placeholders
 * @param unit         the unit of the query's values
 * @param legendFormat how a series is named in the legend; empty for its labels ({@code {pod="a"}})
 * @param description  a sentence on what the panel shows; may be empty
 * @param requires     metric names that must have series for the panel to be worth drawing (a view hides it, with
 *                     a note, when one has none); may be empty
 */
public record Panel(String id, String title, String query, Unit unit, String legendFormat, String description,
                    List<String> requires) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    public Panel {
        requireText(id, "id");
        requireText(title, "title");
        requireText(query, "query");
        if (unit == null) {
            unit = Unit.NONE;
        }
        legendFormat = legendFormat == null ? "" : legendFormat;
        description = description == null ? "" : description;
        requires = requires == null ? List.of() : List.copyOf(requires);
    }

    /** A panel without legend format and description. */
    public static Panel of(String id, String title, String query, Unit unit) {
        return new Panel(id, title, query, unit, "", "", List.of());
    }

    /** This panel with another legend format. */
    public Panel withLegendFormat(String format) {
        return new Panel(id, title, query, unit, format, description, requires);
    }

    /** This panel with another description. */
    public Panel withDescription(String text) {
        return new Panel(id, title, query, unit, legendFormat, text, requires);
    }

    /** This panel, drawn only when each of these metrics has series. */
    public Panel withRequiredMetrics(String... metricNames) {
        return new Panel(id, title, query, unit, legendFormat, description, List.of(metricNames));
    }

    /** The names of the placeholders in the query, in order of first use. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(query);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The query with every placeholder replaced by its variable. Backslashes, double quotes and line breaks in values
     * are escaped as in a PromQL string, so a value placed inside a quoted label matcher cannot end the string and
     * change the query.
     *
     * @throws IllegalArgumentException naming the first placeholder without a variable
     */
    public String queryFor(Map<String, String> variables) {
        Matcher m = PLACEHOLDER.matcher(query);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("panel " + id + ": no value for {{" + m.group(1) + "}} in its query");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(escapePromQlString(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The legend name of a series: the legend format filled from its labels (a missing label gives ""). */
    public String legendLabel(Map<String, String> labels) {
        if (legendFormat.isBlank()) {
            return describeLabels(labels);
        }
        Matcher m = PLACEHOLDER.matcher(legendFormat);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(labels.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Labels as Prometheus writes a series: {@code up{job="api", pod="a"}}, labels sorted by name, the metric name
     * (label {@code __name__}) in front; the bare name when it has no other label, {@code {}} when it has none.
     */
    public static String describeLabels(Map<String, String> labels) {
        String name = labels.getOrDefault("__name__", "");
        if (!name.isEmpty() && labels.size() == 1) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name);
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
            if (e.getKey().equals("__name__")) {
                continue;
            }
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(e.getKey()).append("=\"").append(e.getValue()).append('"');
        }
        return sb.append('}').toString();
    }

    private static String escapePromQlString(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("panel " + field + " must not be blank");
        }
    }
}
