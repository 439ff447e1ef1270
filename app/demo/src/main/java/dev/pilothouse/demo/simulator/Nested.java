package dev.pilothouse.demo.simulator;

import dev.pilothouse.demo.scenario.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reading and writing the nested maps of custom resources (their spec and status are plain JSON), and the
 * {@code metav1.Condition} lists most controllers keep there.
 */
final class Nested {

  private Nested() {}

  /** The value as a map, or an empty (throw-away) map. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(@Nullable Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  /** The map under {@code key}, created (and stored) when missing. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> child(Map<String, Object> parent, String key) {
    if (!(parent.get(key) instanceof Map<?, ?>)) {
      parent.put(key, new LinkedHashMap<String, Object>());
    }
    return (Map<String, Object>) parent.get(key);
  }

  /** The maps of a list value (other elements skipped); empty when it is not a list. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(@Nullable Object value) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.stream().filter(Map.class::isInstance).forEach(m -> out.add((Map<String, Object>) m));
    }
    return out;
  }

  /** The list under {@code key}, created (and stored) when missing. */
  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> parent, String key) {
    if (!(parent.get(key) instanceof List<?>)) {
      parent.put(key, new ArrayList<>());
    }
    return (List<Object>) parent.get(key);
  }

  static String string(Map<String, Object> map, String key) {
    Object value = map.get(key);
    return value == null ? "" : String.valueOf(value);
  }

  /** The condition of that type in {@code status.conditions}, or null. */
  static @Nullable Map<String, Object> condition(Map<String, Object> status, String type) {
    return maps(status.get("conditions")).stream().filter(c -> type.equals(c.get("type"))).findFirst()
        .orElse(null);
  }

  /**
   * Sets a condition as controllers do: the transition time moves only when the status changes; a null reason or
   * message removes the field.
   */
  static void setCondition(Map<String, Object> status, String type, String value, @Nullable String reason,
      @Nullable String message, Instant now) {
    Map<String, Object> condition = condition(status, type);
    if (condition == null) {
      condition = new LinkedHashMap<>();
      condition.put("type", type);
      list(status, "conditions").add(condition);
    }
    if (!Objects.equals(condition.get("status"), value)) {
      condition.put("lastTransitionTime", Times.format(now));
    }
    condition.put("status", value);
    putOrRemove(condition, "reason", reason);
    putOrRemove(condition, "message", message);
  }

  static void putOrRemove(Map<String, Object> map, String key, @Nullable Object value) {
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }

  /** A deep copy of JSON-like maps and lists, to tell later whether a controller changed anything. */
  @SuppressWarnings("unchecked")
  static @Nullable Object copy(@Nullable Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(copy(v)));
      return out;
    }
    return value;
  }
}
