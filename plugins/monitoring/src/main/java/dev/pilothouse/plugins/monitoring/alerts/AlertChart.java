package dev.pilothouse.plugins.monitoring.alerts;

import dev.pilothouse.sdk.alerts.Alert;
import dev.pilothouse.sdk.alerts.AlertState;
import dev.pilothouse.sdk.alerts.Rule;
import dev.pilothouse.sdk.metrics.MetricsService;
import dev.pilothouse.sdk.metrics.Panel;
import dev.pilothouse.sdk.metrics.Series;
import dev.pilothouse.sdk.metrics.Unit;
import dev.pilothouse.sdk.ui.kit.chart.ChartMarker;
import dev.pilothouse.sdk.ui.kit.chart.ChartPanelView;
import dev.pilothouse.sdk.ui.kit.chart.RangePreset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chart in an alert's detail: its rule's measurement around the time it became active, for the alert's own
 * series, with the threshold and the moments it went pending and started firing marked. The range is the shortest
 * preset that shows the alert's whole active period with as much time before it, so the change that caused it is
 * on screen.
 */
final class AlertChart {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private AlertChart() {
    }

    static ChartPanelView of(Alert alert, Rule rule, MetricsService metrics, Clock clock) {
        RuleExpression expression = RuleExpression.of(rule.query());
        // Which labels tell the shown series apart: the legend names series by those alone.
        java.util.concurrent.atomic.AtomicReference<Set<String>> varying = new java.util.concurrent.atomic
                .AtomicReference<>(Set.of());
        ChartPanelView view = new ChartPanelView(alert.name(), unitOf(expression.measured()),
                range -> metrics.queryRange(alert.cluster(), expression.measured(), range.start(), range.end(),
                        range.step()).thenApply(all -> {
                            List<Series> shown = seriesOf(alert, all);
                            varying.set(varyingLabels(shown));
                            return shown;
                        }), clock);
        view.setId("alert-chart");
        view.setDescription(expression.threshold().isPresent()
                ? "The rule's measurement; it alerts while " + expression.thresholdLabel() + "."
                : "The rule's expression as written.");
        view.chart().setLegendLabel(s -> legendLabel(s, expression.measured(), varying.get()));
        view.chart().setMarkers(markers(alert, rule, expression, clock.getZone()));
        view.setRange(rangeFor(alert.activeAt(), clock.instant()));
        view.setPrefHeight(280);
        view.setMinHeight(240);
        return view;
    }

    /**
     * A series' name in the legend: the labels that differ between the shown series, or the expression itself when
     * one series is shown (its labels are the alert's, listed above the chart).
     */
    static String legendLabel(Series series, String measured, Set<String> varying) {
        if (varying.isEmpty()) {
            return measured.length() <= 60 ? measured : measured.substring(0, 59) + "…";
        }
        Map<String, String> shown = new java.util.TreeMap<>(series.labels());
        shown.keySet().retainAll(varying);
        return Panel.describeLabels(shown);
    }

    /** The label names whose values are not the same on every series (none for one series). */
    static Set<String> varyingLabels(List<Series> series) {
        if (series.size() < 2) {
            return Set.of();
        }
        Set<String> varying = new java.util.TreeSet<>();
        Map<String, String> first = series.getFirst().labels();
        for (Series s : series) {
            for (Map.Entry<String, String> e : s.labels().entrySet()) {
                if (!e.getValue().equals(first.get(e.getKey()))) {
                    varying.add(e.getKey());
                }
            }
            for (String key : first.keySet()) {
                if (!s.labels().containsKey(key)) {
                    varying.add(key);
                }
            }
        }
        varying.remove("__name__");
        return varying;
    }

    /** The series that belong to this alert: those whose every label the alert carries with the same value. */
    static List<Series> seriesOf(Alert alert, List<Series> all) {
        List<Series> own = new ArrayList<>();
        for (Series s : all) {
            if (matches(s.labels(), alert.labels())) {
                own.add(s);
            }
        }
        // An aggregation can drop labels the alert has and keep ones it lacks; then show everything rather than
        // nothing, and let the legend tell them apart.
        return own.isEmpty() ? all : own;
    }

    private static boolean matches(Map<String, String> seriesLabels, Map<String, String> alertLabels) {
        for (Map.Entry<String, String> e : seriesLabels.entrySet()) {
            if (e.getKey().equals("__name__")) {
                continue;
            }
            if (!e.getValue().equals(alertLabels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    static List<ChartMarker> markers(Alert alert, Rule rule, RuleExpression expression, ZoneId zone) {
        List<ChartMarker> markers = new ArrayList<>();
        expression.threshold().ifPresent(t -> markers.add(ChartMarker.threshold(t, expression.thresholdLabel())));
        Instant active = alert.activeAt();
        if (active != null) {
            boolean waits = !rule.forDuration().isZero();
            markers.add(ChartMarker.at(active, (waits ? "pending " : "firing ") + CLOCK_TIME.format(active.atZone(zone))));
            if (waits && alert.state() == AlertState.FIRING) {
                Instant firing = active.plus(rule.forDuration());
                markers.add(ChartMarker.at(firing, "firing " + CLOCK_TIME.format(firing.atZone(zone))));
            }
        }
        return markers;
    }

    /** The shortest preset at least twice as long as the alert has been active (the longest if none is). */
    static RangePreset rangeFor(Instant activeAt, Instant now) {
        if (activeAt == null) {
            return RangePreset.LAST_HOUR;
        }
        Duration wanted = Duration.between(activeAt, now).multipliedBy(2);
        for (RangePreset preset : RangePreset.values()) {
            if (preset.duration().compareTo(wanted) >= 0) {
                return preset;
            }
        }
        return RangePreset.LAST_7_DAYS;
    }

    /** A unit guessed from the measurement's metric names, following Prometheus's naming conventions. */
    static Unit unitOf(String promql) {
        String q = promql.toLowerCase(java.util.Locale.ROOT);
        if (q.contains("histogram_quantile") && q.contains("_seconds")) {
            return Unit.SECONDS;
        }
        if (q.contains("/") && (q.contains("_used") || q.contains("_free"))) {
            return Unit.RATIO;
        }
        if (q.contains("rate(") || q.contains("irate(")) {
            return q.contains("_bytes") ? Unit.NONE : Unit.PER_SECOND;
        }
        if (q.contains("_seconds")) {
            return Unit.SECONDS;
        }
        if (q.contains("_bytes")) {
            return Unit.BYTES;
        }
        if (q.contains("_perc") || q.contains("_ratio")) {
            return Unit.RATIO;
        }
        if (q.contains("_temp")) {
            return Unit.CELSIUS;
        }
        return Unit.NONE;
    }
}
