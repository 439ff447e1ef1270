package dev.pilothouse.demo.lab.simulated.promql;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The labels of one series, sorted by name, the metric name included as {@code __name__}. An absent label and a
 * label with an empty value are the same thing, as in Prometheus.
 */
public final class Labels implements Comparable<Labels> {

  public static final String NAME = "__name__";
  public static final Labels EMPTY = new Labels(new TreeMap<>());

  private final SortedMap<String, String> map;
  private @Nullable String text; // toString(), computed once: results are sorted by it
  private int hash; // computed once: the store looks every scraped series up by its labels

  private Labels(TreeMap<String, String> map) {
    map.values().removeIf(String::isEmpty);
    this.map = Collections.unmodifiableSortedMap(map);
  }

  public static Labels of(Map<String, String> labels) {
    return new Labels(new TreeMap<>(labels));
  }

  /** Labels from name, value pairs. */
  public static Labels of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("labels come in name, value pairs");
    }
    TreeMap<String, String> map = new TreeMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return new Labels(map);
  }

  /** The value of a label, "" when absent. */
  public String get(String name) {
    return map.getOrDefault(name, "");
  }

  /** The metric name, "" when there is none. */
  public String metricName() {
    return get(NAME);
  }

  public boolean isEmpty() {
    return map.isEmpty();
  }

  public Labels withoutMetricName() {
    return map.containsKey(NAME) ? drop(java.util.List.of(NAME)) : this;
  }

  /** Only the given labels. */
  public Labels keep(Collection<String> names) {
    TreeMap<String, String> kept = new TreeMap<>(map);
    kept.keySet().retainAll(names);
    return new Labels(kept);
  }

  /** All but the given labels. */
  public Labels drop(Collection<String> names) {
    TreeMap<String, String> kept = new TreeMap<>(map);
    kept.keySet().removeAll(names);
    return new Labels(kept);
  }

  /** These labels with one set (or removed, when {@code value} is empty). */
  public Labels with(String name, String value) {
    TreeMap<String, String> changed = new TreeMap<>(map);
    changed.put(name, value);
    return new Labels(changed);
  }

  public SortedMap<String, String> asMap() {
    return map;
  }

  @Override
  public int compareTo(Labels other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Labels other && map.equals(other.map);
  }

  @Override
  public int hashCode() {
    if (hash == 0) {
      hash = map.hashCode();
    }
    return hash;
  }

  /** As PromQL writes them: {@code name{a="1", b="2"}}. */
  @Override
  public String toString() {
    if (text == null) {
      text = format();
    }
    return text;
  }

  private String format() {
    StringBuilder out = new StringBuilder(metricName()).append('{');
    String separator = "";
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (!e.getKey().equals(NAME)) {
        out.append(separator).append(e.getKey()).append("=\"")
            .append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        separator = ", ";
      }
    }
    return out.append('}').toString();
  }
}
