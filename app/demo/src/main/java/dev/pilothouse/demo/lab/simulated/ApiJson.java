package dev.pilothouse.demo.lab.simulated;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pilothouse.demo.lab.simulated.promql.Labels;
import dev.pilothouse.demo.lab.simulated.promql.SeriesPoints;
import dev.pilothouse.demo.lab.simulated.promql.Value;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulated Prometheus' answers in the shapes of Prometheus' HTTP API: the envelope
 * {@code {status, data, warnings}}, vectors {@code [{metric, value: [t, "v"]}]}, matrices
 * {@code [{metric, values: [[t, "v"], ...]}]}, alerts and rule groups. Times are seconds with milliseconds,
 * values strings, as Prometheus writes them.
 */
final class ApiJson {

  static final ObjectMapper MAPPER = new ObjectMapper();
  /** Every query answer carries it, so that nobody mistakes the data for a real Prometheus'. */
  static final String WARNING = "simulated demo data: Prometheus is not installed";

  private ApiJson() {
  }

  static ObjectNode success(Object data, boolean warn) {
    ObjectNode root = MAPPER.createObjectNode().put("status", "success");
    root.set("data", MAPPER.valueToTree(data));
    if (warn) {
      root.putArray("warnings").add(WARNING);
    }
    return root;
  }

  static ObjectNode error(String errorType, String message) {
    return MAPPER.createObjectNode().put("status", "error").put("errorType", errorType).put("error", message);
  }

  static ObjectNode instant(Value value, Instant time) {
    ObjectNode data = MAPPER.createObjectNode();
    switch (value) {
      case Value.Scalar s -> {
        data.put("resultType", "scalar");
        data.set("result", point(time.toEpochMilli(), s.value()));
      }
      case Value.Vector v -> {
        data.put("resultType", "vector");
        ArrayNode result = data.putArray("result");
        v.samples().stream().sorted((a, b) -> a.labels().compareTo(b.labels())).forEach(s -> {
          ObjectNode series = result.addObject();
          series.set("metric", metric(s.labels()));
          series.set("value", point(time.toEpochMilli(), s.value()));
        });
      }
      case Value.Matrix m -> {
        data.put("resultType", "matrix");
        data.set("result", matrix(m.series()));
      }
    }
    return data;
  }

  static ObjectNode range(List<SeriesPoints> series) {
    ObjectNode data = MAPPER.createObjectNode().put("resultType", "matrix");
    data.set("result", matrix(series));
    return data;
  }

  private static ArrayNode matrix(List<SeriesPoints> series) {
    ArrayNode result = MAPPER.createArrayNode();
    series.stream().sorted((a, b) -> a.labels().compareTo(b.labels())).forEach(s -> {
      ObjectNode node = result.addObject();
      node.set("metric", metric(s.labels()));
      ArrayNode values = node.putArray("values");
      for (int i = 0; i < s.size(); i++) {
        values.add(point(s.times()[i], s.values()[i]));
      }
    });
    return result;
  }

  private static ObjectNode metric(Labels labels) {
    ObjectNode metric = MAPPER.createObjectNode();
    labels.asMap().forEach(metric::put);
    return metric;
  }

  /** {@code [1700000000.5, "0.975"]}. */
  private static ArrayNode point(long millis, double value) {
    return MAPPER.createArrayNode().add(seconds(millis)).add(GoFloats.plain(value));
  }

  static BigDecimal seconds(long millis) {
    BigDecimal seconds = BigDecimal.valueOf(millis, 3).stripTrailingZeros();
    return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
  }

  static ObjectNode alerts(List<AlertingRule.Alert> alerts) {
    ObjectNode data = MAPPER.createObjectNode();
    ArrayNode array = data.putArray("alerts");
    alerts.forEach(a -> array.add(alert(a)));
    return data;
  }

  private static ObjectNode alert(AlertingRule.Alert alert) {
    ObjectNode node = MAPPER.createObjectNode();
    node.set("labels", metric(alert.labels()));
    node.set("annotations", strings(alert.annotations()));
    node.put("state", alert.state().name().toLowerCase(Locale.ROOT));
    node.put("activeAt", alert.activeAt().toString());
    node.put("value", GoFloats.exponent(alert.value()));
    return node;
  }

  /** @param type "alert", "record" or "" for both, as {@code /api/v1/rules?type=} */
  static ObjectNode rules(List<RuleGroups.GroupStatus> groups, String type) {
    ObjectNode data = MAPPER.createObjectNode();
    ArrayNode array = data.putArray("groups");
    for (RuleGroups.GroupStatus group : groups) {
      ObjectNode node = array.addObject();
      node.put("name", group.name());
      node.put("file", group.file());
      ArrayNode rules = node.putArray("rules");
      for (Rule.Status rule : group.rules()) {
        boolean alerting = rule.definition().alerting();
        if (type.isEmpty() || type.equals(alerting ? "alert" : "record")) {
          rules.add(rule(rule));
        }
      }
      node.put("interval", seconds(group.interval()));
      node.put("limit", 0);
      putEvaluation(node, group.lastEvaluation(), group.evaluationTime());
    }
    return data;
  }

  private static ObjectNode rule(Rule.Status rule) {
    RuleFile.Definition definition = rule.definition();
    ObjectNode node = MAPPER.createObjectNode();
    if (definition.alerting()) {
      node.put("state", ruleState(rule.alerts()));
    }
    node.put("name", definition.name());
    node.put("query", definition.expr());
    if (definition.alerting()) {
      node.put("duration", seconds(definition.forDuration()));
      node.put("keepFiringFor", 0);
    }
    node.set("labels", strings(definition.labels()));
    if (definition.alerting()) {
      node.set("annotations", strings(definition.annotations()));
      ArrayNode alerts = node.putArray("alerts");
      rule.alerts().forEach(a -> alerts.add(alert(a)));
    }
    node.put("health", rule.health());
    if (!rule.lastError().isEmpty()) {
      node.put("lastError", rule.lastError());
    }
    putEvaluation(node, rule.lastEvaluation(), rule.evaluationTime());
    node.put("type", definition.alerting() ? "alerting" : "recording");
    return node;
  }

  private static String ruleState(List<AlertingRule.Alert> alerts) {
    if (alerts.stream().anyMatch(a -> a.state() == AlertingRule.State.FIRING)) {
      return "firing";
    }
    return alerts.isEmpty() ? "inactive" : "pending";
  }

  private static void putEvaluation(ObjectNode node, Instant lastEvaluation, Duration evaluationTime) {
    node.put("evaluationTime", evaluationTime.toNanos() / 1e9);
    // Prometheus writes Go's zero time for a rule never evaluated.
    node.put("lastEvaluation", lastEvaluation == null ? "0001-01-01T00:00:00Z" : lastEvaluation.toString());
  }

  private static ObjectNode strings(Map<String, String> map) {
    ObjectNode node = MAPPER.createObjectNode();
    map.forEach(node::put);
    return node;
  }

  private static BigDecimal seconds(Duration duration) {
    return seconds(duration.toMillis());
  }

  static ObjectNode buildInfo() {
    return MAPPER.createObjectNode().put("version", "simulated").put("revision", "")
        .put("branch", "pilothouse-demo").put("buildUser", "").put("buildDate", "").put("goVersion", "");
  }
}
