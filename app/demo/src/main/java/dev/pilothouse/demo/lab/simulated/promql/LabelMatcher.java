package dev.pilothouse.demo.lab.simulated.promql;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * One matcher of a selector, e.g. {@code pod=~"vllm-.*"}. Regular expressions match the whole value, as
 * Prometheus anchors them; an absent label matches as the empty string.
 */
public record LabelMatcher(String name, Type type, String value, @Nullable Pattern pattern) {

  public enum Type {
    EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

    private final String operator;

    Type(String operator) {
      this.operator = operator;
    }

    static Type of(String operator) {
      for (Type t : values()) {
        if (t.operator.equals(operator)) {
          return t;
        }
      }
      throw new IllegalArgumentException("not a matcher operator: " + operator);
    }
  }

  public static LabelMatcher of(String name, Type type, String value) {
    Pattern pattern = null;
    if (type == Type.REGEX || type == Type.NOT_REGEX) {
      try {
        pattern = Pattern.compile("(?s:" + value + ")");
      } catch (PatternSyntaxException e) {
        throw PromqlException.invalid("invalid regular expression in " + name + type.operator + "\"" + value
            + "\": " + e.getDescription());
      }
    }
    return new LabelMatcher(name, type, value, pattern);
  }

  public static LabelMatcher equal(String name, String value) {
    return of(name, Type.EQUAL, value);
  }

  public boolean matches(Labels labels) {
    return matches(labels.get(name));
  }

  boolean matches(String actual) {
    return switch (type) {
      case EQUAL -> actual.equals(value);
      case NOT_EQUAL -> !actual.equals(value);
      case REGEX -> java.util.Objects.requireNonNull(pattern).matcher(actual).matches();
      case NOT_REGEX -> !java.util.Objects.requireNonNull(pattern).matcher(actual).matches();
    };
  }

  /** The metric name this matcher pins, or "" if it pins none. */
  String exactMetricName() {
    return name.equals(Labels.NAME) && type == Type.EQUAL ? value : "";
  }

  @Override
  public String toString() {
    return name + type.operator + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
