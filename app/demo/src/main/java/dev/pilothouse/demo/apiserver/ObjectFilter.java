package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pilothouse.demo.apiserver.ObjectStore.StoredObject;
import io.fabric8.mockwebserver.crud.Attribute;
import org.jspecify.annotations.Nullable;

/** The label and field selectors of a list, watch or deletecollection request, applied to stored objects. */
public record ObjectFilter(LabelSelector labels, FieldSelector fields) {

  /** Parses the request's selectors; throws {@link IllegalArgumentException} for malformed ones. */
  public static ObjectFilter of(ApiRequest request, ResourceType type) {
    return new ObjectFilter(LabelSelector.parse(request.param("labelSelector")),
        FieldSelector.parse(request.param("fieldSelector"), type));
  }

  public boolean isEverything() {
    return labels.isEverything() && fields.isEverything();
  }

  /** Matches a stored object, reading labels from the store's index and the body only when a field needs it. */
  public boolean matches(StoredObject object) {
    if (!labels.matches(key -> label(object, key))) {
      return false;
    }
    if (fields.isEverything()) {
      return true;
    }
    JsonNode body = fields.onlyMetadata() ? null : Json.read(object.json());
    return fields.matches(object.namespace(), object.name(), body);
  }

  /** Matches an object body (watch events carry bodies, not store entries). */
  public boolean matches(JsonNode object) {
    JsonNode labelsNode = object.path("metadata").path("labels");
    return labels.matches(key -> labelsNode.hasNonNull(key) ? labelsNode.get(key).asText() : null)
        && fields.matches(object.path("metadata").path("namespace").asText(""),
            object.path("metadata").path("name").asText(""), object);
  }

  private static @Nullable String label(StoredObject object, String key) {
    Attribute attribute = object.key().getAttribute("labels:" + key);
    return attribute == null || attribute.getValues().isEmpty() ? null : attribute.getValues().getFirst().toString();
  }
}
