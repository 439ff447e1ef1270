package dev.pilothouse.demo.apiserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Kubernetes label selector with the full string grammar ({@code =, ==, !=, in, notin, exists, !exists}).
 *
 * <p>Fabric8's CRUD mock only understands equality and existence, and splits {@code in (a,b)} at its comma; lists
 * and watches here are filtered with this class instead.
 */
public record LabelSelector(List<Requirement> requirements) {

  public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  private static final String KEY = "([A-Za-z0-9][-A-Za-z0-9_./]*)";
  private static final String VALUE = "([-A-Za-z0-9_.]*)";
  private static final Pattern EXISTS = Pattern.compile(KEY);
  private static final Pattern NOT_EXISTS = Pattern.compile("!\\s*" + KEY);
  private static final Pattern EQUALS = Pattern.compile(KEY + "\\s*(==|=|!=)\\s*" + VALUE);
  private static final Pattern SET = Pattern.compile(KEY + "\\s+(in|notin)\\s*\\(([^)]*)\\)");

  enum Operator { EXISTS, NOT_EXISTS, EQUALS, NOT_EQUALS, IN, NOT_IN }

  record Requirement(String key, Operator operator, Set<String> values) {
    boolean matches(Function<String, @Nullable String> labels) {
      String value = labels.apply(key);
      return switch (operator) {
        case EXISTS -> value != null;
        case NOT_EXISTS -> value == null;
        case EQUALS, IN -> value != null && values.contains(value);
        case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
      };
    }
  }

  /** Parses a selector; throws {@link IllegalArgumentException} with the server's wording when it is malformed. */
  public static LabelSelector parse(@Nullable String selector) {
    if (selector == null || selector.isBlank()) {
      return EVERYTHING;
    }
    List<Requirement> requirements = new ArrayList<>();
    for (String part : splitOutsideParentheses(selector)) {
      String p = part.trim();
      Matcher m;
      if ((m = SET.matcher(p)).matches()) {
        Set<String> values = new java.util.LinkedHashSet<>();
        for (String v : m.group(3).split(",")) {
          if (!v.isBlank()) {
            values.add(v.trim());
          }
        }
        requirements.add(new Requirement(m.group(1), m.group(2).equals("in") ? Operator.IN : Operator.NOT_IN,
            Set.copyOf(values)));
      } else if ((m = EQUALS.matcher(p)).matches()) {
        requirements.add(new Requirement(m.group(1), m.group(2).equals("!=") ? Operator.NOT_EQUALS : Operator.EQUALS,
            Set.of(m.group(3))));
      } else if ((m = NOT_EXISTS.matcher(p)).matches()) {
        requirements.add(new Requirement(m.group(1), Operator.NOT_EXISTS, Set.of()));
      } else if ((m = EXISTS.matcher(p)).matches()) {
        requirements.add(new Requirement(m.group(1), Operator.EXISTS, Set.of()));
      } else {
        throw new IllegalArgumentException("unable to parse requirement: found '" + p + "' in label selector");
      }
    }
    return new LabelSelector(List.copyOf(requirements));
  }

  public boolean isEverything() {
    return requirements.isEmpty();
  }

  public boolean matches(Function<String, @Nullable String> labels) {
    for (Requirement r : requirements) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> splitOutsideParentheses(String selector) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(selector.substring(start));
    return parts;
  }
}
