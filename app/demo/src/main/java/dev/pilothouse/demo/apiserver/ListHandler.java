package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pilothouse.demo.apiserver.ObjectStore.StoredObject;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Lists with the semantics of a real server: kind {@code <Kind>List}, selectors, {@code limit}/{@code continue}
 * paging with key-ordered continue tokens, resourceVersion checks against {@link Compaction}, and server-side
 * tables when the client asks for them (kubectl does).
 */
public final class ListHandler {

  private final ObjectStore store;
  private final Compaction compaction;

  public ListHandler(ObjectStore store, Compaction compaction) {
    this.store = store;
    this.compaction = compaction;
  }

  /** One page of a list, before rendering. */
  public record Page(List<StoredObject> items, long resourceVersion, @Nullable String continueToken,
      long remainingItemCount) {}

  public MockResponse list(ApiRequest request, ResourceType type, @Nullable String namespace) {
    ObjectFilter filter;
    try {
      filter = ObjectFilter.of(request, type);
    } catch (IllegalArgumentException e) {
      return ApiResponses.badRequest(e.getMessage());
    }
    long requestedVersion = request.longParam("resourceVersion", 0);
    if (compaction.isExpired(requestedVersion)) {
      return ApiResponses.expired(requestedVersion, compaction.oldestAvailable());
    }
    @Nullable Continue from = null;
    String token = request.param("continue");
    if (token != null && !token.isEmpty()) {
      from = Continue.decode(token);
      if (from == null) {
        return ApiResponses.badRequest("continue key is not valid: " + token);
      }
      if (compaction.isExpired(from.resourceVersion())) {
        return ApiResponses.status(410, "Expired", "The provided continue parameter is too old to display a "
            + "consistent list result. You can start a new list without the continue parameter.", null);
      }
    }
    Page page = page(type, namespace, filter, request.longParam("limit", 0), from);
    if (TableRenderer.wantsTable(request.accept())) {
      return ApiResponses.json(200, TableRenderer.render(type, page, request.param("includeObject")));
    }
    return ApiResponses.json(200, listJson(type, page));
  }

  /** Selects one page; {@code limit <= 0} means everything. */
  public Page page(ResourceType type, @Nullable String namespace, ObjectFilter filter, long limit,
      @Nullable Continue from) {
    // Taken before reading, so every write that the page might miss has a larger version and reaches a watch.
    long listVersion = from != null ? from.resourceVersion() : store.nextResourceVersion();
    List<StoredObject> items = new ArrayList<>();
    @Nullable String lastKey = null;
    long remaining = 0;
    for (StoredObject object : store.list(type, namespace)) {
      String key = object.namespace() + "/" + object.name();
      if (from != null && key.compareTo(from.startAfter()) <= 0) {
        continue;
      }
      if (!filter.matches(object)) {
        continue;
      }
      if (limit > 0 && items.size() >= limit) {
        remaining++;
        continue;
      }
      items.add(object);
      lastKey = key;
    }
    String next = remaining > 0 && lastKey != null ? new Continue(listVersion, lastKey).encode() : null;
    return new Page(List.copyOf(items), listVersion, next, remaining);
  }

  static String listJson(ResourceType type, Page page) {
    StringBuilder json = new StringBuilder(64 + page.items().stream().mapToInt(o -> o.json().length() + 1).sum());
    json.append("{\"kind\":\"").append(type.kind()).append("List\",\"apiVersion\":\"").append(type.groupVersion())
        .append("\",\"metadata\":{\"resourceVersion\":\"").append(page.resourceVersion()).append('"');
    if (page.continueToken() != null) {
      json.append(",\"continue\":\"").append(page.continueToken()).append("\",\"remainingItemCount\":")
          .append(page.remainingItemCount());
    }
    json.append("},\"items\":[");
    for (int i = 0; i < page.items().size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append(page.items().get(i).json());
    }
    return json.append("]}").toString();
  }

  /** A continue token: the list's resourceVersion and the last key returned (keys are namespace/name). */
  public record Continue(long resourceVersion, String startAfter) {
    String encode() {
      ObjectNode node = ApiResponses.MAPPER.createObjectNode();
      node.put("v", "meta.k8s.io/v1");
      node.put("rv", resourceVersion);
      node.put("start", startAfter);
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(ApiResponses.write(node).getBytes(StandardCharsets.UTF_8));
    }

    static @Nullable Continue decode(String token) {
      try {
        JsonNode node = Json.read(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
        if (!node.path("start").isTextual() || !node.path("rv").canConvertToLong()) {
          return null;
        }
        return new Continue(node.get("rv").asLong(), node.get("start").asText());
      } catch (RuntimeException e) {
        return null;
      }
    }
  }
}
