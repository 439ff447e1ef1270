package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pilothouse.demo.apiserver.ObjectStore.StoredObject;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.zjsonpatch.JsonPatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Create, update, patch and delete with the server's rules: optimistic concurrency on resourceVersion, status as a
 * subresource, generation bumped on spec changes, no-op writes that change nothing, finalizers, generateName, and
 * {@code dryRun=All} (every check and the full answer, nothing stored, no watch event).
 */
public final class Writes {

  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final ObjectStore store;
  private final ObjectDefaults defaults = new ObjectDefaults();

  public Writes(ObjectStore store) {
    this.store = store;
  }

  public MockResponse create(ApiRequest request, ResourceType type, @Nullable String namespace) {
    ObjectNode object = Json.readObject(request.body());
    requireKind(object, type);
    ObjectNode meta = Json.metadata(object);
    if (type.namespaced()) {
      if (namespace == null) {
        return ApiResponses.pathNotFound();
      }
      String bodyNamespace = meta.path("namespace").asText("");
      if (!bodyNamespace.isEmpty() && !bodyNamespace.equals(namespace)) {
        return ApiResponses.badRequest("the namespace of the provided object does not match the namespace sent on "
            + "the request");
      }
      meta.put("namespace", namespace);
    } else {
      meta.remove("namespace");
    }
    boolean dryRun = request.dryRun();
    return store.write(() -> {
      if (type.namespaced() && store.get(namespaces(), null, namespace).isEmpty()) {
        return ApiResponses.namespaceNotFound(namespace);
      }
      String name = meta.path("name").asText("");
      if (name.isEmpty()) {
        String prefix = meta.path("generateName").asText("");
        if (prefix.isEmpty()) {
          return ApiResponses.invalid(type, "", "metadata.name: Required value: name or generateName is required");
        }
        do {
          name = prefix + randomSuffix();
        } while (store.get(type, namespace, name).isPresent());
        meta.put("name", name);
      }
      if (store.get(type, namespace, name).isPresent()) {
        return ApiResponses.alreadyExists(type, name);
      }
      meta.put("uid", UUID.randomUUID().toString());
      meta.put("creationTimestamp", Clock.now());
      meta.put("generation", 1);
      meta.remove("deletionTimestamp");
      meta.remove("deletionGracePeriodSeconds");
      meta.remove("resourceVersion");
      defaults.applyOnCreate(type, object);
      if (!dryRun) {
        meta.put("resourceVersion", String.valueOf(store.nextResourceVersion()));
        store.put(type, metaOf(object), Json.write(object));
      }
      return ApiResponses.json(201, object);
    });
  }

  /** PUT of the main resource or of its status. */
  public MockResponse update(ApiRequest request, ResourceType type, @Nullable String namespace, String name,
      @Nullable String subresource) {
    ObjectNode proposed = Json.readObject(request.body());
    requireKind(proposed, type);
    requireName(proposed, type, namespace, name);
    return store.write(() -> {
      StoredObject current = store.get(type, namespace, name).orElseThrow(() ->
          new ApiException(ApiResponses.notFound(type, name)));
      return ApiResponses.json(200, commit(type, current, proposed, subresource, request.dryRun()));
    });
  }

  public MockResponse patch(ApiRequest request, ResourceType type, @Nullable String namespace, String name,
      @Nullable String subresource) {
    String contentType = mediaType(request.contentType());
    if (contentType.equals("application/apply-patch+yaml")) {
      return apply(request, type, namespace, name, subresource);
    }
    return store.write(() -> {
      StoredObject current = store.get(type, namespace, name).orElseThrow(() ->
          new ApiException(ApiResponses.notFound(type, name)));
      JsonNode patched = applyPatch(type, contentType, Json.read(current.json()), request.body());
      if (!(patched instanceof ObjectNode proposed)) {
        return ApiResponses.badRequest("the patch does not result in an object");
      }
      requireName(proposed, type, namespace, name);
      return ApiResponses.json(200, commit(type, current, proposed, subresource, request.dryRun()));
    });
  }

  /** Server-side apply, approximated: create when absent, else a merge patch (no field ownership tracking). */
  private MockResponse apply(ApiRequest request, ResourceType type, @Nullable String namespace, String name,
      @Nullable String subresource) {
    if (request.param("fieldManager") == null) {
      return ApiResponses.badRequest("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: "
          + "is required for apply patch");
    }
    ObjectNode applied;
    try {
      JsonNode node = Json.KUBERNETES.unmarshal(request.body(), JsonNode.class);
      if (!(node instanceof ObjectNode o)) {
        return ApiResponses.badRequest("the apply configuration must be an object");
      }
      applied = o;
    } catch (RuntimeException e) {
      return ApiResponses.badRequest("error decoding YAML: " + e.getMessage());
    }
    requireKind(applied, type);
    requireName(applied, type, namespace, name);
    return store.write(() -> {
      var current = store.get(type, namespace, name);
      if (current.isEmpty()) {
        Json.metadata(applied).put("name", name);
        ApiRequest create = new ApiRequest(request.method(), request.path(), request.segments(), request.query(),
            "application/json", request.accept(), request.authorization(), false,
            Json.write(applied).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return create(create, type, namespace);
      }
      JsonNode merged = Patches.mergePatch(Json.read(current.get().json()), applied);
      return ApiResponses.json(200, commit(type, current.get(), (ObjectNode) merged, subresource, request.dryRun()));
    });
  }

  public MockResponse delete(ApiRequest request, ResourceType type, @Nullable String namespace, String name) {
    JsonNode options = request.body().isBlank() ? ApiResponses.MAPPER.createObjectNode() : Json.read(request.body());
    boolean dryRun = request.dryRun() || options.path("dryRun").toString().contains("\"All\"");
    return store.write(() -> {
      StoredObject current = store.get(type, namespace, name).orElseThrow(() ->
          new ApiException(ApiResponses.notFound(type, name)));
      ObjectNode object = (ObjectNode) Json.read(current.json());
      checkPreconditions(type, name, object, options.path("preconditions"));
      return ApiResponses.json(200, deleteLocked(type, current, object, dryRun));
    });
  }

  /** DELETE on a collection: deletes what the selectors match and answers with the list of deleted objects. */
  public MockResponse deleteCollection(ApiRequest request, ResourceType type, @Nullable String namespace,
      ListHandler lists) {
    ObjectFilter filter = ObjectFilter.of(request, type);
    return store.write(() -> {
      ListHandler.Page page = lists.page(type, namespace, filter, 0, null);
      List<String> items = new ArrayList<>();
      for (StoredObject object : page.items()) {
        items.add(Json.write(deleteLocked(type, object, (ObjectNode) Json.read(object.json()), request.dryRun())));
      }
      return ApiResponses.json(200, "{\"kind\":\"%sList\",\"apiVersion\":\"%s\",\"metadata\":{},\"items\":[%s]}"
          .formatted(type.kind(), type.groupVersion(), String.join(",", items)));
    });
  }

  private ObjectNode deleteLocked(ResourceType type, StoredObject current, ObjectNode object, boolean dryRun) {
    ObjectNode meta = Json.metadata(object);
    if (meta.path("finalizers").size() > 0) {
      // Finalizers hold the object: it is only marked, and goes when the last finalizer is removed.
      if (!meta.hasNonNull("deletionTimestamp")) {
        meta.put("deletionTimestamp", Clock.now());
        meta.put("deletionGracePeriodSeconds", 0);
        if (!dryRun) {
          meta.put("resourceVersion", String.valueOf(store.nextResourceVersion()));
          store.put(type, metaOf(object), Json.write(object));
        }
      }
      return object;
    }
    if (!dryRun) {
      store.remove(type, current);
    }
    return object;
  }

  /**
   * Stores {@code proposed} as the new state of {@code current}, keeping what clients cannot change, and returns the
   * resulting object. Call inside {@link ObjectStore#write}.
   */
  JsonNode commit(ResourceType type, StoredObject current, ObjectNode proposed, @Nullable String subresource,
      boolean dryRun) {
    ObjectNode existing = (ObjectNode) Json.read(current.json());
    String expectedVersion = proposed.path("metadata").path("resourceVersion").asText("");
    String currentVersion = existing.path("metadata").path("resourceVersion").asText("");
    if (!expectedVersion.isEmpty() && !expectedVersion.equals(currentVersion)) {
      throw new ApiException(ApiResponses.conflict(type, current.name(),
          "the object has been modified; please apply your changes to the latest version and try again"));
    }
    ObjectNode result;
    if ("status".equals(subresource)) {
      result = existing.deepCopy();
      copyField(proposed, result, "status");
    } else {
      result = proposed.deepCopy();
      if (type.hasStatus()) {
        copyField(existing, result, "status");
      }
    }
    result.put("apiVersion", type.groupVersion());
    result.put("kind", type.kind());
    ObjectNode meta = Json.metadata(result);
    ObjectNode existingMeta = Json.metadata(existing);
    for (String field : List.of("name", "namespace", "uid", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "generation", "resourceVersion")) {
      copyField(existingMeta, meta, field);
    }
    if (subresource == null && !withoutMetadataAndStatus(existing).equals(withoutMetadataAndStatus(result))) {
      meta.put("generation", existingMeta.path("generation").asLong(0) + 1);
    }
    if (result.equals(existing)) {
      return existing;
    }
    if (meta.hasNonNull("deletionTimestamp") && meta.path("finalizers").isEmpty()) {
      if (!dryRun) {
        store.remove(type, current);
      }
      return result;
    }
    if (!dryRun) {
      meta.put("resourceVersion", String.valueOf(store.nextResourceVersion()));
      store.put(type, metaOf(result), Json.write(result));
    }
    return result;
  }

  JsonNode applyPatch(ResourceType type, String contentType, JsonNode target, String body) {
    JsonNode patch = Json.read(body.isBlank() ? "{}" : body);
    switch (contentType) {
      case "application/json-patch+json" -> {
        try {
          return JsonPatch.apply(patch, target);
        } catch (RuntimeException e) {
          throw new ApiException(ApiResponses.status(422, "Invalid", "the server rejected our request due to an "
              + "error in our request: " + e.getMessage(), null));
        }
      }
      case "application/merge-patch+json" -> {
        return Patches.mergePatch(target, patch);
      }
      case "application/strategic-merge-patch+json" -> {
        if (!BuiltInResources.all().contains(type)) {
          // Custom resources have no merge keys: the real server refuses strategic merge for them.
          throw new ApiException(ApiResponses.unsupportedMediaType(contentType));
        }
        JsonNode merged = Patches.strategicMerge(target, patch);
        return merged == null ? ApiResponses.MAPPER.createObjectNode() : merged;
      }
      default -> throw new ApiException(ApiResponses.unsupportedMediaType(contentType));
    }
  }

  private void checkPreconditions(ResourceType type, String name, ObjectNode object, JsonNode preconditions) {
    String uid = preconditions.path("uid").asText("");
    String actualUid = object.path("metadata").path("uid").asText("");
    if (!uid.isEmpty() && !uid.equals(actualUid)) {
      throw new ApiException(ApiResponses.conflict(type, name,
          "Precondition failed: UID in precondition: %s, UID in object meta: %s".formatted(uid, actualUid)));
    }
    String rv = preconditions.path("resourceVersion").asText("");
    String actualRv = object.path("metadata").path("resourceVersion").asText("");
    if (!rv.isEmpty() && !rv.equals(actualRv)) {
      throw new ApiException(ApiResponses.conflict(type, name,
          "Precondition failed: ResourceVersion in precondition: %s, ResourceVersion in object meta: %s"
              .formatted(rv, actualRv)));
    }
  }

  private static void requireKind(ObjectNode object, ResourceType type) {
    String apiVersion = object.path("apiVersion").asText("");
    String kind = object.path("kind").asText("");
    if (apiVersion.isEmpty() && kind.isEmpty()) {
      object.put("apiVersion", type.groupVersion());
      object.put("kind", type.kind());
      return;
    }
    if (!apiVersion.equals(type.groupVersion())) {
      throw new ApiException(ApiResponses.badRequest("the API version in the data (%s) does not match the "
          + "expected API version (%s)".formatted(apiVersion, type.groupVersion())));
    }
    if (!kind.equals(type.kind())) {
      throw new ApiException(ApiResponses.badRequest("the kind in the data (%s) does not match the expected kind "
          + "(%s)".formatted(kind, type.kind())));
    }
  }

  private static void requireName(ObjectNode object, ResourceType type, @Nullable String namespace, String name) {
    ObjectNode meta = Json.metadata(object);
    String bodyName = meta.path("name").asText("");
    if (!bodyName.isEmpty() && !bodyName.equals(name)) {
      throw new ApiException(ApiResponses.badRequest(
          "the name of the object (%s) does not match the name on the URL (%s)".formatted(bodyName, name)));
    }
    String bodyNamespace = meta.path("namespace").asText("");
    if (type.namespaced() && namespace != null && !bodyNamespace.isEmpty() && !bodyNamespace.equals(namespace)) {
      throw new ApiException(ApiResponses.badRequest("the namespace of the provided object does not match the "
          + "namespace sent on the request"));
    }
  }

  private static void copyField(ObjectNode from, ObjectNode to, String field) {
    if (from.has(field)) {
      to.set(field, from.get(field).deepCopy());
    } else {
      to.remove(field);
    }
  }

  private static ObjectNode withoutMetadataAndStatus(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    copy.remove("metadata");
    copy.remove("status");
    return copy;
  }

  static String mediaType(@Nullable String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /** The metadata the store indexes (name, namespace, labels), read from a JSON object. */
  static ObjectMeta metaOf(JsonNode object) {
    JsonNode meta = object.path("metadata");
    ObjectMeta result = new ObjectMeta();
    result.setName(meta.path("name").asText());
    result.setNamespace(meta.hasNonNull("namespace") ? meta.get("namespace").asText() : null);
    Map<String, String> labels = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> label : meta.path("labels").properties()) {
      labels.put(label.getKey(), label.getValue().asText());
    }
    result.setLabels(labels.isEmpty() ? null : labels);
    return result;
  }

  private static String randomSuffix() {
    StringBuilder s = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      s.append(NAME_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(NAME_ALPHABET.length())));
    }
    return s.toString();
  }

  private static ResourceType namespaces() {
    return NAMESPACES;
  }

  private static final ResourceType NAMESPACES = BuiltInResources.all().stream()
      .filter(t -> t.plural().equals("namespaces")).findFirst().orElseThrow();
}
