package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pilothouse.demo.apiserver.ObjectStore.StoredObject;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code /scale} subresource: an {@code autoscaling/v1 Scale} view of a workload whose writes change only the
 * workload's replica count. (Fabric8's CRUD mock would return and overwrite the whole workload instead.)
 */
final class ScaleSubresource {

  private final ObjectStore store;
  private final Writes writes;

  ScaleSubresource(ObjectStore store, Writes writes) {
    this.store = store;
    this.writes = writes;
  }

  MockResponse get(ResourceType type, @Nullable String namespace, String name) {
    StoredObject current = find(type, namespace, name);
    return ApiResponses.json(200, scaleOf(type, Json.read(current.json())));
  }

  /** PUT or PATCH of the Scale: only spec.replicas is taken over. */
  MockResponse write(ApiRequest request, ResourceType type, @Nullable String namespace, String name,
      boolean patch) {
    return store.write(() -> {
      StoredObject current = find(type, namespace, name);
      JsonNode object = Json.read(current.json());
      ObjectNode scale = scaleOf(type, object);
      JsonNode proposed = patch
          ? writes.applyPatch(type, Writes.mediaType(request.contentType()).equals(
              "application/strategic-merge-patch+json") ? "application/merge-patch+json"
              : Writes.mediaType(request.contentType()), scale, request.body())
          : Json.readObject(request.body());
      JsonNode replicas = proposed.path("spec").path("replicas");
      if (!replicas.canConvertToInt() || replicas.asInt() < 0) {
        return ApiResponses.invalid(type, name, "spec.replicas: Invalid value: must be greater than or equal to 0");
      }
      String expectedVersion = proposed.path("metadata").path("resourceVersion").asText("");
      ObjectNode updated = ((ObjectNode) object).deepCopy();
      setPath(updated, type.scale().specReplicasPath(), replicas.asInt());
      Json.metadata(updated).put("resourceVersion",
          expectedVersion.isEmpty() ? object.path("metadata").path("resourceVersion").asText() : expectedVersion);
      JsonNode result = writes.commit(type, current, updated, null, request.dryRun());
      return ApiResponses.json(200, scaleOf(type, result));
    });
  }

  private StoredObject find(ResourceType type, @Nullable String namespace, String name) {
    return store.get(type, namespace, name).orElseThrow(() -> new ApiException(ApiResponses.notFound(type, name)));
  }

  static ObjectNode scaleOf(ResourceType type, JsonNode object) {
    ResourceType.ScaleSpec spec = java.util.Objects.requireNonNull(type.scale());
    ObjectNode scale = ApiResponses.MAPPER.createObjectNode();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode meta = scale.putObject("metadata");
    for (String field : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
      if (object.path("metadata").has(field)) {
        meta.set(field, object.path("metadata").get(field));
      }
    }
    scale.putObject("spec").put("replicas", JsonPathLite.evaluate(object, spec.specReplicasPath()).asInt(0));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", JsonPathLite.evaluate(object, spec.statusReplicasPath()).asInt(0));
    if (spec.labelSelectorPath() != null) {
      JsonNode selector = JsonPathLite.evaluate(object, spec.labelSelectorPath());
      String text = selector.isObject() ? selectorString(selector) : selector.asText("");
      if (!text.isEmpty()) {
        status.put("selector", text);
      }
    }
    return scale;
  }

  /** A metav1.LabelSelector in its string form, as the Scale subresource reports it. */
  static String selectorString(JsonNode selector) {
    List<String> parts = new ArrayList<>();
    selector.path("matchLabels").properties().forEach(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
    for (JsonNode expression : selector.path("matchExpressions")) {
      String key = expression.path("key").asText();
      List<String> values = new ArrayList<>();
      expression.path("values").forEach(v -> values.add(v.asText()));
      switch (expression.path("operator").asText()) {
        case "In" -> parts.add(key + " in (" + String.join(",", values) + ")");
        case "NotIn" -> parts.add(key + " notin (" + String.join(",", values) + ")");
        case "Exists" -> parts.add(key);
        case "DoesNotExist" -> parts.add("!" + key);
        default -> { }
      }
    }
    return String.join(",", parts);
  }

  private static void setPath(ObjectNode root, String dottedPath, int value) {
    String[] parts = dottedPath.replaceFirst("^\\.", "").split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = node.get(parts[i]);
      node = next instanceof ObjectNode o ? o : node.putObject(parts[i]);
    }
    node.put(parts[parts.length - 1], value);
  }
}
