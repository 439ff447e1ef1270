package dev.pilothouse.demo.lab.simulated;

import dev.pilothouse.demo.lab.simulated.promql.Parser;
import dev.pilothouse.demo.lab.simulated.promql.PromqlException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A Prometheus rule file ({@code groups: [{name, rules: [{alert|record, expr, for, labels, annotations}]}]}) read
 * into definitions. A malformed file fails with a message naming the file and the field.
 */
final class RuleFile {

  /** One group of rules, evaluated in order. */
  record Group(String name, List<Definition> rules) {
  }

  /**
   * One rule as written.
   *
   * @param alerting    an alerting rule ({@code alert:}) rather than a recording rule ({@code record:})
   * @param forDuration how long an alert stays pending before it fires
   */
  record Definition(boolean alerting, String name, String expr, Duration forDuration, Map<String, String> labels,
                    Map<String, String> annotations) {
  }

  private RuleFile() {
  }

  static List<Group> parse(String file, String yaml) {
    Object root;
    try {
      root = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": invalid YAML: " + e.getMessage(), e);
    }
    List<Group> groups = new ArrayList<>();
    int g = 0;
    for (Object group : list(map(root, file), "groups", file)) {
      String where = file + ": groups[" + g++ + "]";
      Map<?, ?> fields = map(group, where);
      List<Definition> rules = new ArrayList<>();
      int r = 0;
      for (Object rule : list(fields, "rules", where)) {
        rules.add(definition(map(rule, where + ".rules[" + r + "]"), where + ".rules[" + r++ + "]"));
      }
      groups.add(new Group(text(fields, "name", where), List.copyOf(rules)));
    }
    return List.copyOf(groups);
  }

  private static Definition definition(Map<?, ?> rule, String where) {
    boolean alerting = rule.containsKey("alert");
    if (alerting == rule.containsKey("record")) {
      throw new IllegalArgumentException(where + ": needs exactly one of alert and record");
    }
    String name = text(rule, alerting ? "alert" : "record", where);
    Object forValue = rule.get("for");
    Duration forDuration = Duration.ZERO;
    if (forValue != null && !forValue.toString().equals("0")) {
      try {
        forDuration = Parser.parseDuration(forValue.toString());
      } catch (PromqlException e) {
        throw new IllegalArgumentException(where + ".for: '" + forValue + "' is not a duration such as 30s or 5m");
      }
    }
    return new Definition(alerting, name, text(rule, "expr", where).strip(), forDuration,
        strings(rule.get("labels"), where + ".labels"), strings(rule.get("annotations"), where + ".annotations"));
  }

  private static Map<?, ?> map(Object node, String where) {
    if (!(node instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(where + ": should be a mapping");
    }
    return map;
  }

  private static List<?> list(Map<?, ?> fields, String key, String where) {
    Object value = fields.get(key);
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(where + "." + key + ": should be a list");
    }
    return list;
  }

  private static String text(Map<?, ?> fields, String key, String where) {
    Object value = fields.get(key);
    if (value == null || value instanceof Map || value instanceof List || value.toString().isBlank()) {
      throw new IllegalArgumentException(where + "." + key + ": is missing");
    }
    return value.toString();
  }

  private static Map<String, String> strings(Object node, String where) {
    if (node == null) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    map(node, where).forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : v.toString()));
    return out;
  }
}
