package dev.pilothouse.demo.scenario;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import dev.pilothouse.demo.apiserver.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One scenario YAML file: multi-document, each document a Kubernetes object, with time tokens such as
 * {@code ${now}}, {@code ${now-5m}} or {@code ${now-3d}} (units s, m, h, d) replaced by RFC 3339 timestamps relative
 * to the moment of loading, so the scenario always looks recent. Errors name the file, document and line.
 */
public final class ScenarioFile {

  private static final Pattern TOKEN = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern NOW = Pattern.compile("now(?:\\s*([+-])\\s*(\\d+)([smhd]))?");

  private ScenarioFile() {}

  /** Parses the file's documents into objects (typed where Fabric8 has a model, generic otherwise). */
  public static List<HasMetadata> parse(String fileName, String text, Instant now) {
    List<HasMetadata> objects = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int documentStart = 0;
    int documentNumber = 0;
    for (int i = 0; i <= lines.length; i++) {
      boolean boundary = i == lines.length || lines[i].stripTrailing().equals("---");
      if (!boundary) {
        continue;
      }
      String document = String.join("\n", java.util.Arrays.copyOfRange(lines, documentStart, i));
      if (!document.isBlank() && !onlyComments(document)) {
        documentNumber++;
        objects.add(parseDocument(fileName, documentNumber, documentStart + 1, document, now));
      }
      documentStart = i + 1;
    }
    return objects;
  }

  private static HasMetadata parseDocument(String file, int number, int firstLine, String document, Instant now) {
    String where = "%s, document %d (line %d)".formatted(file, number, firstLine);
    String resolved = substitute(document, now, file, firstLine);
    Object yaml;
    try {
      yaml = new Load(LoadSettings.builder().build()).loadFromString(resolved);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(where + ": invalid YAML: " + e.getMessage(), e);
    }
    if (!(yaml instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(where + ": expected a Kubernetes object (a mapping)");
    }
    for (String required : List.of("apiVersion", "kind", "metadata")) {
      if (!map.containsKey(required)) {
        throw new IllegalArgumentException(where + ": missing '" + required + "'");
      }
    }
    KubernetesResource resource;
    try {
      resource = Json.KUBERNETES.convertValue(map, KubernetesResource.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": not a valid " + map.get("kind") + ": " + e.getMessage(), e);
    }
    if (!(resource instanceof HasMetadata object) || object.getMetadata() == null
        || object.getMetadata().getName() == null) {
      throw new IllegalArgumentException(where + ": " + map.get("kind") + " needs metadata.name");
    }
    return object;
  }

  static String substitute(String text, Instant now, String file, int firstLine) {
    Matcher m = TOKEN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Matcher time = NOW.matcher(m.group(1).trim());
      if (!time.matches()) {
        int line = firstLine + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
        throw new IllegalArgumentException("%s:%d: unknown token '%s' (expected ${now}, ${now-5m}, ${now+1h}, ...)"
            .formatted(file, line, m.group()));
      }
      Instant at = now;
      if (time.group(1) != null) {
        long amount = Long.parseLong(time.group(2));
        Duration d = switch (time.group(3)) {
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
        at = time.group(1).equals("-") ? now.minus(d) : now.plus(d);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(Times.format(at)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static boolean onlyComments(String document) {
    return document.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"));
  }
}
