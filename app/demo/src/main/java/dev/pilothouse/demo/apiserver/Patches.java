package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON merge patch (RFC 7386) and a strategic merge patch good enough for the patches kubectl and controllers send:
 * lists with a Kubernetes merge key (containers by name, volumeMounts by mountPath, ...) are merged element-wise,
 * {@code $patch: delete|replace} directives are honoured, other lists are replaced.
 */
public final class Patches {

  private static final Map<String, String> MERGE_KEYS = Map.ofEntries(
      Map.entry("containers", "name"), Map.entry("initContainers", "name"),
      Map.entry("ephemeralContainers", "name"), Map.entry("volumes", "name"), Map.entry("env", "name"),
      Map.entry("imagePullSecrets", "name"), Map.entry("volumeMounts", "mountPath"),
      Map.entry("volumeDevices", "devicePath"), Map.entry("conditions", "type"),
      Map.entry("hostAliases", "ip"), Map.entry("ownerReferences", "uid"),
      Map.entry("topologySpreadConstraints", "topologyKey"), Map.entry("containerStatuses", "name"));

  private Patches() {}

  /** RFC 7386: objects merge recursively, null deletes, anything else replaces. */
  public static JsonNode mergePatch(@Nullable JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject()
        ? ((ObjectNode) target).deepCopy() : ApiResponses.MAPPER.createObjectNode();
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
      }
    }
    return result;
  }

  /** Strategic merge patch; returns null when the patch deletes the whole target ({@code $patch: delete}). */
  public static @Nullable JsonNode strategicMerge(@Nullable JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    String directive = patch.path("$patch").asText("");
    if (directive.equals("delete")) {
      return null;
    }
    ObjectNode result;
    if (directive.equals("replace") || target == null || !target.isObject()) {
      result = ApiResponses.MAPPER.createObjectNode();
    } else {
      result = ((ObjectNode) target).deepCopy();
    }
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.startsWith("$deleteFromPrimitiveList/")) {
        deleteFromPrimitiveList(result, key.substring("$deleteFromPrimitiveList/".length()), value);
      } else if (key.startsWith("$")) {
        continue; // $setElementOrder, $retainKeys: ordering hints that do not change content here.
      } else if (value.isNull()) {
        result.remove(key);
      } else if (value.isObject()) {
        JsonNode merged = strategicMerge(result.get(key), value);
        if (merged == null) {
          result.remove(key);
        } else {
          result.set(key, merged);
        }
      } else if (value.isArray() && result.path(key).isArray()) {
        result.set(key, mergeList(key, (ArrayNode) result.get(key), (ArrayNode) value));
      } else {
        result.set(key, value.deepCopy());
      }
    }
    return result;
  }

  private static ArrayNode mergeList(String field, ArrayNode current, ArrayNode patch) {
    String mergeKey = mergeKey(field, patch.size() > 0 ? patch.get(0) : current.path(0));
    if (field.equals("finalizers")) {
      ArrayNode union = current.deepCopy();
      patch.forEach(v -> {
        boolean present = false;
        for (JsonNode c : union) {
          present |= c.equals(v);
        }
        if (!present) {
          union.add(v);
        }
      });
      return union;
    }
    if (mergeKey == null) {
      return patch.deepCopy();
    }
    ArrayNode result = current.deepCopy();
    for (JsonNode element : patch) {
      if (!element.isObject() || !element.has(mergeKey)) {
        continue;
      }
      int index = indexOf(result, mergeKey, element.get(mergeKey));
      if (element.path("$patch").asText("").equals("delete")) {
        if (index >= 0) {
          result.remove(index);
        }
      } else if (index >= 0) {
        JsonNode merged = strategicMerge(result.get(index), element);
        if (merged == null) {
          result.remove(index);
        } else {
          result.set(index, merged);
        }
      } else {
        JsonNode added = strategicMerge(null, element);
        if (added != null) {
          result.add(added);
        }
      }
    }
    return result;
  }

  private static @Nullable String mergeKey(String field, JsonNode sample) {
    if (field.equals("ports")) {
      return sample.has("containerPort") ? "containerPort" : "port";
    }
    return MERGE_KEYS.get(field);
  }

  private static int indexOf(ArrayNode array, String key, JsonNode value) {
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).path(key).equals(value)) {
        return i;
      }
    }
    return -1;
  }

  private static void deleteFromPrimitiveList(ObjectNode target, String field, JsonNode values) {
    if (!(target.get(field) instanceof ArrayNode list)) {
      return;
    }
    for (int i = list.size() - 1; i >= 0; i--) {
      for (JsonNode v : values) {
        if (list.get(i).equals(v)) {
          list.remove(i);
          break;
        }
      }
    }
  }
}
