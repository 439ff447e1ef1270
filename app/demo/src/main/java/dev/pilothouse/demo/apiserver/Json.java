package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.UncheckedIOException;

/** JSON helpers: Fabric8's serialization for Kubernetes types, a plain Jackson mapper for trees. */
public final class Json {

  /** Fabric8's (de)serialization, which knows the Kubernetes model types and generic resources. */
  public static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

  private Json() {}

  public static JsonNode read(String json) {
    try {
      return ApiResponses.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a request body that must be a JSON object; throws {@link IllegalArgumentException} otherwise. */
  public static ObjectNode readObject(String json) {
    JsonNode node;
    try {
      node = ApiResponses.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the body of the request could not be decoded: "
          + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("the body of the request must be a JSON object");
    }
    return (ObjectNode) node;
  }

  public static String write(JsonNode node) {
    return ApiResponses.write(node);
  }

  /** metadata, created if absent. */
  public static ObjectNode metadata(ObjectNode object) {
    JsonNode meta = object.get("metadata");
    if (meta instanceof ObjectNode o) {
      return o;
    }
    return object.putObject("metadata");
  }

  public static long resourceVersion(JsonNode object) {
    String rv = object.path("metadata").path("resourceVersion").asText("");
    try {
      return rv.isEmpty() ? 0 : Long.parseLong(rv);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
