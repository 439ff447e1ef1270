package dev.pilothouse.core.metrics.client;

import dev.pilothouse.core.metrics.endpoint.Body;
import dev.pilothouse.core.metrics.endpoint.EndpointException;
import dev.pilothouse.core.metrics.endpoint.Transport;
import dev.pilothouse.sdk.alerts.AlertState;
import dev.pilothouse.sdk.alerts.Rule;
import dev.pilothouse.sdk.alerts.RuleGroup;
import dev.pilothouse.sdk.alerts.RuleHealth;
import dev.pilothouse.sdk.metrics.Sample;
import dev.pilothouse.sdk.metrics.Series;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Prometheus' HTTP API ({@code /api/v1}) over a {@link Transport}; also serves Thanos, Mimir, Cortex and
 * VictoriaMetrics, which speak the same API. Every call returns at once; futures fail with an
 * {@link EndpointException} naming the endpoint.
 */
public final class PrometheusClient {

    private final Transport transport;

    public PrometheusClient(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** The endpoint's URL, for messages. */
    public String endpoint() {
        return transport.endpoint();
    }

    public Transport transport() {
        return transport;
    }

    /**
     * An instant query, sent as a form so that long PromQL fits.
     *
     * @param time the evaluation time, or null for the server's now
     * @return vector results as one sample per series; a scalar as one sample without labels; a range vector as one
     *         sample per point
     */
    public CompletableFuture<List<Sample>> query(String promql, @Nullable Instant time) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("query", promql);
        if (time != null) {
            form.put("time", seconds(time.toEpochMilli()));
        }
        return transport.send("POST", "/api/v1/query", Body.form(form))
                .thenApply(r -> QueryResults.samples(r, endpoint()));
    }

    /** A range query: {@code end} inclusive, one point per {@code step}. */
    public CompletableFuture<List<Series>> queryRange(String promql, Instant start, Instant end, Duration step) {
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("query", promql);
        form.put("start", seconds(start.toEpochMilli()));
        form.put("end", seconds(end.toEpochMilli()));
        form.put("step", seconds(step.toMillis()));
        return transport.send("POST", "/api/v1/query_range", Body.form(form))
                .thenApply(r -> QueryResults.series(r, endpoint()));
    }

    /** The pending and firing alerts of every alerting rule. */
    public CompletableFuture<List<PrometheusAlert>> alerts() {
        return transport.get("/api/v1/alerts").thenApply(r -> {
            Node data = Answers.prometheusData(r, endpoint());
            List<PrometheusAlert> alerts = new ArrayList<>();
            for (Node a : data.array("alerts")) {
                String state = a.text("state");
                AlertState parsed = switch (state) {
                    case "firing" -> AlertState.FIRING;
                    case "pending" -> AlertState.PENDING;
                    default -> null;
                };
                if (parsed == null) {
                    continue; // "inactive" is never listed today; skip rather than fail if a server does
                }
                alerts.add(new PrometheusAlert(a.strings("labels"), a.strings("annotations"), parsed,
                        a.instant("activeAt"), a.textOr("value")));
            }
            return alerts;
        });
    }

    /**
     * The rule groups with their rules' health.
     *
     * @param cluster the cluster the groups are reported for
     */
    public CompletableFuture<List<RuleGroup>> rules(String cluster) {
        return transport.get("/api/v1/rules").thenApply(r -> {
            Node data = Answers.prometheusData(r, endpoint());
            List<RuleGroup> groups = new ArrayList<>();
            for (Node g : data.array("groups")) {
                List<Rule> rules = new ArrayList<>();
                for (Node rule : g.arrayOrEmpty("rules")) {
                    rules.add(rule(rule));
                }
                groups.add(new RuleGroup(cluster, g.text("name"), g.textOr("file"), g.seconds("interval"),
                        g.instant("lastEvaluation"), rules));
            }
            return groups;
        });
    }

    private static Rule rule(Node rule) {
        String type = rule.text("type");
        boolean alerting = type.equals("alerting");
        if (!alerting && !type.equals("recording")) {
            throw rule.malformed(rule.path() + ".type", "is '" + type + "', expected alerting or recording");
        }
        return new Rule(rule.text("name"), alerting, rule.textOr("query"), rule.seconds("duration"),
                rule.strings("labels"), rule.strings("annotations"), RuleHealth.of(rule.textOr("health")),
                rule.textOr("lastError"), rule.instant("lastEvaluation"), rule.arrayOrEmpty("alerts").size());
    }

    /** The server's version ({@code /api/v1/status/buildinfo}). */
    public CompletableFuture<BuildInfo> buildInfo() {
        return transport.get("/api/v1/status/buildinfo").thenApply(r -> {
            Node data = Answers.prometheusData(r, endpoint());
            return new BuildInfo(data.text("version"), data.textOr("revision"), data.textOr("goVersion"));
        });
    }

    /** Completes when {@code /-/ready} answers 200; fails with HTTP_STATUS while the server is starting. */
    public CompletableFuture<Void> ready() {
        return transport.get("/-/ready").thenAccept(r -> Answers.requireOk(r, endpoint()));
    }

    /**
     * The values of a label.
     *
     * @param matchers series selectors that restrict the series looked at (e.g. {@code up{job="x"}}); none for all
     */
    public CompletableFuture<List<String>> labelValues(String label, List<String> matchers) {
        String query = matchers.stream().map(m -> "match[]=" + Body.encode(m)).collect(Collectors.joining("&"));
        return transport.get("/api/v1/label/" + Body.encode(label) + "/values" + (query.isEmpty() ? "" : "?" + query))
                .thenApply(r -> Answers.prometheusData(r, endpoint()).elements().stream().map(n -> {
                    if (!n.node().isTextual()) {
                        throw n.malformed(n.path(), "should be a string");
                    }
                    return n.node().asText();
                }).toList());
    }

    /**
     * Which of these metrics have series now, with one cheap query ({@code count by (__name__)}) instead of one per
     * metric: views use it to offer only the charts whose data exists (DCGM, vLLM, Triton...).
     */
    public CompletableFuture<Set<String>> existingMetrics(Collection<String> metricNames) {
        if (metricNames.isEmpty()) {
            return CompletableFuture.completedFuture(Set.of());
        }
        String alternatives = metricNames.stream().map(PrometheusClient::regexQuote).distinct()
                .collect(Collectors.joining("|"));
        String promql = "count by (__name__) ({__name__=~\"" + alternatives + "\"})";
        return query(promql, null).thenApply(samples -> {
            Set<String> found = new LinkedHashSet<>();
            samples.forEach(s -> found.add(s.labels().getOrDefault("__name__", "")));
            found.retainAll(Set.copyOf(metricNames));
            return Set.copyOf(found);
        });
    }

    /** Whether a metric has series now. */
    public CompletableFuture<Boolean> seriesExists(String metric) {
        return existingMetrics(List.of(metric)).thenApply(found -> found.contains(metric));
    }

    /** Quotes RE2 metacharacters, then escapes for a PromQL double-quoted string. */
    static String regexQuote(String literal) {
        StringBuilder out = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString().replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Epoch seconds with milliseconds, as Prometheus' API takes them. */
    static String seconds(long millis) {
        return BigDecimal.valueOf(millis).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
