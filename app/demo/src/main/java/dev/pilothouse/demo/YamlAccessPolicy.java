package dev.pilothouse.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pilothouse.demo.apiserver.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An {@link AccessPolicy} read from a rules file; the first matching rule wins, no match denies. */
final class YamlAccessPolicy implements AccessPolicy {

  private static final Set<String> FIELDS = Set.of("verbs", "groups", "resources", "namespaces", "users", "allow");

  record Rule(int number, List<String> verbs, List<String> groups, List<String> resources, List<String> namespaces,
      List<String> users, boolean allow) {

    boolean matches(String user, String verb, String group, String resource, @Nullable String subresource,
        @Nullable String namespace) {
      String requested = subresource == null ? resource : resource + "/" + subresource;
      return any(users, user) && any(verbs, verb) && any(groups, group)
          && (resources.isEmpty() || resources.contains("*") || resources.contains(requested))
          && (namespaces.isEmpty() || namespaces.contains("*") || namespace != null && namespaces.contains(namespace));
    }

    private static boolean any(List<String> allowed, String value) {
      return allowed.isEmpty() || allowed.contains("*") || allowed.contains(value);
    }
  }

  private final String source;
  private final List<Rule> rules;

  private YamlAccessPolicy(String source, List<Rule> rules) {
    this.source = source;
    this.rules = List.copyOf(rules);
  }

  static YamlAccessPolicy read(Path file) {
    JsonNode root;
    try {
      root = Json.KUBERNETES.unmarshal(Files.readString(file), JsonNode.class);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("access policy " + file + ": cannot read: " + e.getMessage(), e);
    }
    if (root == null || !root.path("rules").isArray()) {
      throw new IllegalArgumentException("access policy " + file + ": expected a top-level 'rules' list");
    }
    List<Rule> rules = new ArrayList<>();
    int number = 0;
    for (JsonNode node : root.path("rules")) {
      number++;
      String where = "access policy " + file + ": rule " + number;
      if (!node.isObject()) {
        throw new IllegalArgumentException(where + ": expected a mapping");
      }
      node.fieldNames().forEachRemaining(field -> {
        if (!FIELDS.contains(field)) {
          throw new IllegalArgumentException(where + ": unknown field '" + field + "' (expected one of " + FIELDS
              + ")");
        }
      });
      if (!node.path("allow").isBoolean()) {
        throw new IllegalArgumentException(where + ": 'allow' must be true or false");
      }
      rules.add(new Rule(number, strings(node, "verbs", where), strings(node, "groups", where),
          strings(node, "resources", where), strings(node, "namespaces", where), strings(node, "users", where),
          node.get("allow").asBoolean()));
    }
    return new YamlAccessPolicy(file.getFileName().toString(), rules);
  }

  private static List<String> strings(JsonNode rule, String field, String where) {
    JsonNode value = rule.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (value.isTextual()) {
      return List.of(value.asText());
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException(where + ": '" + field + "' must be a list of strings");
    }
    List<String> result = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new IllegalArgumentException(where + ": '" + field + "' must be a list of strings, found " + item);
      }
      result.add(item.asText());
    }
    return List.copyOf(result);
  }

  private @Nullable Rule match(String user, String verb, String group, String resource,
      @Nullable String subresource, @Nullable String namespace) {
    for (Rule rule : rules) {
      if (rule.matches(user, verb, group, resource, subresource, namespace)) {
        return rule;
      }
    }
    return null;
  }

  @Override
  public boolean allows(String user, String verb, String group, String resource, @Nullable String subresource,
      @Nullable String namespace, @Nullable String name) {
    Rule rule = match(user, verb, group, resource, subresource, namespace);
    return rule != null && rule.allow();
  }

  @Override
  public String explain(String user, String verb, String group, String resource, @Nullable String subresource,
      @Nullable String namespace, @Nullable String name) {
    Rule rule = match(user, verb, group, resource, subresource, namespace);
    if (rule == null) {
      return "denied: no rule in " + source + " matches";
    }
    return (rule.allow() ? "allowed" : "denied") + " by rule " + rule.number() + " of " + source;
  }
}
