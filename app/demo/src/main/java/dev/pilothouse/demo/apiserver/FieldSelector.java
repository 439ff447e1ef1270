package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A field selector ({@code a=b, a==b, a!=b}) restricted, as on a real server, to the fields each kind supports;
 * anything else is a 400 "field label not supported".
 */
public record FieldSelector(List<Requirement> requirements) {

  public static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  private static final Set<String> ALWAYS = Set.of("metadata.name", "metadata.namespace");
  private static final Map<String, Set<String>> BY_KIND = Map.of(
      "Pod", Set.of("spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
          "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"),
      "Event", Set.of("involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
          "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
          "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"),
      "Node", Set.of("spec.unschedulable"),
      "Namespace", Set.of("status.phase"),
      "Secret", Set.of("type"),
      "ReplicaSet", Set.of("status.replicas"),
      "Job", Set.of("status.successful"));

  record Requirement(String field, boolean equals, String value) {}

  public static FieldSelector parse(@Nullable String selector, ResourceType type) {
    if (selector == null || selector.isBlank()) {
      return EVERYTHING;
    }
    List<Requirement> requirements = new ArrayList<>();
    for (String part : selector.split(",")) {
      String p = part.trim();
      int ne = p.indexOf("!=");
      int eq = p.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("invalid selector: '" + selector + "'; can't understand '" + p + "'");
      }
      String field;
      String value;
      boolean equals;
      if (ne >= 0 && ne < eq + 1) {
        field = p.substring(0, ne).trim();
        value = p.substring(ne + 2).trim();
        equals = false;
      } else {
        field = p.substring(0, eq).trim();
        value = p.substring(p.startsWith("==", eq) ? eq + 2 : eq + 1).trim();
        equals = true;
      }
      if (!ALWAYS.contains(field) && !BY_KIND.getOrDefault(type.kind(), Set.of()).contains(field)) {
        throw new IllegalArgumentException("field label not supported: " + field);
      }
      requirements.add(new Requirement(field, equals, value));
    }
    return new FieldSelector(List.copyOf(requirements));
  }

  public boolean isEverything() {
    return requirements.isEmpty();
  }

  /** True when only metadata.name/metadata.namespace are used, so no object body needs to be read. */
  public boolean onlyMetadata() {
    return requirements.stream().allMatch(r -> ALWAYS.contains(r.field()));
  }

  public boolean matches(String namespace, String name, @Nullable JsonNode object) {
    for (Requirement r : requirements) {
      String actual = switch (r.field()) {
        case "metadata.name" -> name;
        case "metadata.namespace" -> namespace;
        default -> object == null ? "" : text(object, r.field());
      };
      if (actual.equals(r.value()) != r.equals()) {
        return false;
      }
    }
    return true;
  }

  private static String text(JsonNode object, String dottedPath) {
    if (dottedPath.equals("source")) {
      return object.path("source").path("component").asText("");
    }
    JsonNode node = object;
    for (String part : dottedPath.split("\\.")) {
      node = node.path(part);
    }
    return node.isMissingNode() || node.isNull() ? "" : node.asText();
  }
}
