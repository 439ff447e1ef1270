package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of JSONPath that CRD printer columns use in practice: {@code .a.b}, {@code .a[0].b} and
 * {@code .a[?(@.type=="Ready")].status}.
 */
final class JsonPathLite {

  private static final Pattern STEP =
      Pattern.compile(
      "\\.?([^.\\[]+)|\\[(\\d+)]|\\[\\?\\(@\\.([\\w.-]+)\\s*==\\s*[\"']?([^\"')]*)[\"']?\\)]");

  private JsonPathLite() {}

  static JsonNode evaluate(JsonNode root, String path) {
    String p = path.trim();
    if (p.startsWith("{") && p.endsWith("}")) {
      p = p.substring(1, p.length() - 1);
    }
    if (p.startsWith("$")) {
      p = p.substring(1);
    }
    JsonNode node = root;
    Matcher m = STEP.matcher(p);
    int at = 0;
    while (at < p.length()) {
      if (!m.find(at) || m.start() != at) {
        return MissingNode.getInstance();
      }
      if (m.group(1) != null) {
        node = node.path(m.group(1));
      } else if (m.group(2) != null) {
        node = node.path(Integer.parseInt(m.group(2)));
      } else {
        JsonNode match = MissingNode.getInstance();
        for (JsonNode element : node) {
          if (evaluate(element, "." + m.group(3)).asText("\u0000").equals(m.group(4))) {
            match = element;
            break;
          }
        }
        node = match;
      }
      at = m.end();
    }
    return node;
  }
}
