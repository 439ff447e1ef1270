package dev.pilothouse.demo.lab.simulated;

import dev.pilothouse.demo.lab.simulated.promql.Labels;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The part of Prometheus' alert templating (Go text/template) that rule labels and annotations commonly use:
 * {@code {{ $labels.name }}}, {@code {{ $value }}}, and the pipes {@code humanize} and {@code humanizePercentage}.
 * Anything else is left as written, so that it shows rather than silently vanishes.
 */
final class AlertTemplate {

  private static final Pattern ACTION = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}");
  private static final String[] LARGE_PREFIXES = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
  private static final String[] SMALL_PREFIXES = {"m", "u", "n", "p", "f", "a", "z", "y"};

  private AlertTemplate() {
  }

  static String expand(String template, Labels labels, double value) {
    if (!template.contains("{{")) {
      return template;
    }
    Matcher m = ACTION.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String expanded = action(m.group(1), labels, value);
      m.appendReplacement(out, Matcher.quoteReplacement(expanded == null ? m.group() : expanded));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** One {@code {{ ... }}}: a value and optional pipes, or null when it is beyond this subset. */
  private static @Nullable String action(String action, Labels labels, double value) {
    String[] pipeline = action.split("\\|");
    String source = pipeline[0].strip();
    @Nullable Object current;
    if (source.equals("$value") || source.equals(".Value")) {
      current = value;
    } else if (source.startsWith("$labels.") || source.startsWith(".Labels.")) {
      current = labels.get(source.substring(source.indexOf('.', 1) + 1));
    } else {
      return null;
    }
    for (int i = 1; i < pipeline.length; i++) {
      if (!(current instanceof Double number)) {
        return null;
      }
      current = switch (pipeline[i].strip()) {
        case "humanize" -> humanize(number);
        case "humanizePercentage" -> GoFloats.fourDigits(number * 100) + "%";
        default -> null;
      };
      if (current == null) {
        return null;
      }
    }
    return current instanceof Double number ? GoFloats.value(number) : current.toString();
  }

  /** SI prefixes and four significant digits: 2.612, 1.5k, 250m. */
  static String humanize(double v) {
    if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      return GoFloats.fourDigits(v);
    }
    String prefix = "";
    if (Math.abs(v) >= 1) {
      for (String p : LARGE_PREFIXES) {
        if (Math.abs(v) < 1000) {
          break;
        }
        prefix = p;
        v /= 1000;
      }
    } else {
      for (String p : SMALL_PREFIXES) {
        if (Math.abs(v) >= 1) {
          break;
        }
        prefix = p;
        v *= 1000;
      }
    }
    return GoFloats.fourDigits(v) + prefix;
  }
}
