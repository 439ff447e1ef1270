package dev.pilothouse.demo.apiserver;

import static dev.pilothouse.demo.apiserver.ApiResponses.MAPPER;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Discovery documents: {@code /version}, {@code /api}, {@code /apis}, {@code /apis/{group}} and the resource lists,
 * in the legacy form (what Fabric8 reads) and, when the client asks for it, the aggregated
 * {@code apidiscovery.k8s.io/v2} form that kubectl 1.30+ prefers.
 */
public final class Discovery {

  static final String AGGREGATED_CONTENT_TYPE =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

  private final ResourceCatalog catalog;
  private final String gitVersion;

  public Discovery(ResourceCatalog catalog, String gitVersion) {
    this.catalog = catalog;
    this.gitVersion = gitVersion;
  }

  /** Answers a discovery path, or empty when the path is not a discovery path. */
  public Optional<MockResponse> answer(List<String> segments, @Nullable String accept, String serverAddress) {
    boolean aggregated = accept != null && accept.contains("as=APIGroupDiscoveryList")
        && accept.contains("v=v2;");
    if (segments.size() == 1 && segments.getFirst().equals("version")) {
      return Optional.of(ApiResponses.json(200, version()));
    }
    if (segments.size() == 1 && segments.getFirst().equals("api")) {
      return Optional.of(aggregated ? aggregated(true) : ApiResponses.json(200, coreVersions(serverAddress)));
    }
    if (segments.size() == 1 && segments.getFirst().equals("apis")) {
      return Optional.of(aggregated ? aggregated(false) : ApiResponses.json(200, groupList()));
    }
    if (segments.size() == 2 && segments.getFirst().equals("api")) {
      return Optional.of(resourceList("", segments.get(1)));
    }
    if (segments.size() == 2 && segments.getFirst().equals("apis")) {
      Map<String, List<ResourceType>> byGroup = groups();
      List<ResourceType> types = byGroup.get(segments.get(1));
      return Optional.of(types == null || segments.get(1).isEmpty()
          ? ApiResponses.pathNotFound() : ApiResponses.json(200, group(segments.get(1), types)));
    }
    if (segments.size() == 3 && segments.getFirst().equals("apis")) {
      return Optional.of(resourceList(segments.get(1), segments.get(2)));
    }
    return Optional.empty();
  }

  ObjectNode version() {
    ObjectNode v = MAPPER.createObjectNode();
    String[] parts = gitVersion.replaceFirst("^v", "").split("\\.");
    v.put("major", parts[0]);
    v.put("minor", parts.length > 1 ? parts[1] : "0");
    v.put("gitVersion", gitVersion);
    v.put("gitCommit", "0000000000000000000000000000000000000000");
    v.put("gitTreeState", "clean");
    v.put("buildDate", "2024-12-11T17:59:15Z");
    v.put("goVersion", "go1.23.3");
    v.put("compiler", "gc");
    v.put("platform", "linux/amd64");
    return v;
  }

  private ObjectNode coreVersions(String serverAddress) {
    ObjectNode versions = MAPPER.createObjectNode();
    versions.put("kind", "APIVersions");
    versions.putArray("versions").add("v1");
    ObjectNode address = versions.putArray("serverAddressByClientCIDRs").addObject();
    address.put("clientCIDR", "0.0.0.0/0");
    address.put("serverAddress", serverAddress);
    return versions;
  }

  /** Named groups in a stable order: built-in groups as listed, then CRD groups. */
  private Map<String, List<ResourceType>> groups() {
    return catalog.all().stream().filter(t -> !t.group().isEmpty())
        .collect(Collectors.groupingBy(ResourceType::group, LinkedHashMap::new, Collectors.toList()));
  }

  private ObjectNode groupList() {
    ObjectNode list = MAPPER.createObjectNode();
    list.put("kind", "APIGroupList");
    list.put("apiVersion", "v1");
    ArrayNode items = list.putArray("groups");
    groups().forEach((name, types) -> items.add(group(name, types)));
    return list;
  }

  private static ObjectNode group(String name, List<ResourceType> types) {
    ObjectNode group = MAPPER.createObjectNode();
    group.put("kind", "APIGroup");
    group.put("apiVersion", "v1");
    group.put("name", name);
    ArrayNode versions = group.putArray("versions");
    types.stream().map(ResourceType::version).distinct().forEach(v ->
        versions.addObject().put("groupVersion", name + "/" + v).put("version", v));
    group.set("preferredVersion", versions.get(0).deepCopy());
    return group;
  }

  private MockResponse resourceList(String group, String version) {
    List<ResourceType> types = catalog.all().stream()
        .filter(t -> t.group().equals(group) && t.version().equals(version)).toList();
    if (types.isEmpty()) {
      return ApiResponses.pathNotFound();
    }
    ObjectNode list = MAPPER.createObjectNode();
    list.put("kind", "APIResourceList");
    list.put("apiVersion", "v1");
    list.put("groupVersion", types.getFirst().groupVersion());
    ArrayNode resources = list.putArray("resources");
    for (ResourceType t : types) {
      ObjectNode r = resources.addObject();
      r.put("name", t.plural());
      r.put("singularName", t.singular());
      r.put("namespaced", t.namespaced());
      r.put("kind", t.kind());
      strings(r.putArray("verbs"), t.verbs());
      if (!t.shortNames().isEmpty()) {
        strings(r.putArray("shortNames"), t.shortNames());
      }
      if (!t.categories().isEmpty()) {
        strings(r.putArray("categories"), t.categories());
      }
      for (Subresource sub : subresources(t)) {
        ObjectNode s = resources.addObject();
        s.put("name", t.plural() + "/" + sub.name());
        s.put("singularName", "");
        s.put("namespaced", t.namespaced());
        if (!sub.group().equals(t.group()) || !sub.version().equals(t.version())) {
          s.put("group", sub.group());
          s.put("version", sub.version());
        }
        s.put("kind", sub.kind());
        strings(s.putArray("verbs"), sub.verbs());
      }
    }
    return ApiResponses.json(200, list);
  }

  private MockResponse aggregated(boolean core) {
    ObjectNode list = MAPPER.createObjectNode();
    list.put("kind", "APIGroupDiscoveryList");
    list.put("apiVersion", "apidiscovery.k8s.io/v2");
    list.putObject("metadata");
    ArrayNode items = list.putArray("items");
    Map<String, List<ResourceType>> byGroup = core
        ? Map.of("", catalog.all().stream().filter(t -> t.group().isEmpty()).toList())
        : groups();
    byGroup.forEach((name, types) -> {
      ObjectNode item = items.addObject();
      item.putObject("metadata").put("name", name);
      ArrayNode versions = item.putArray("versions");
      types.stream().map(ResourceType::version).distinct().forEach(v -> {
        ObjectNode version = versions.addObject();
        version.put("version", v);
        ArrayNode resources = version.putArray("resources");
        types.stream().filter(t -> t.version().equals(v)).forEach(t -> resources.add(aggregatedResource(t)));
        version.put("freshness", "Current");
      });
    });
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", AGGREGATED_CONTENT_TYPE)
        .setBody(ApiResponses.write(list));
  }

  private static ObjectNode aggregatedResource(ResourceType t) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("resource", t.plural());
    r.set("responseKind", kindNode(t.group(), t.version(), t.kind()));
    r.put("scope", t.namespaced() ? "Namespaced" : "Cluster");
    r.put("singularResource", t.singular());
    strings(r.putArray("verbs"), t.verbs());
    if (!t.shortNames().isEmpty()) {
      strings(r.putArray("shortNames"), t.shortNames());
    }
    if (!t.categories().isEmpty()) {
      strings(r.putArray("categories"), t.categories());
    }
    List<Subresource> subs = subresources(t);
    if (!subs.isEmpty()) {
      ArrayNode array = r.putArray("subresources");
      for (Subresource sub : subs) {
        ObjectNode s = array.addObject();
        s.put("subresource", sub.name());
        s.set("responseKind", kindNode(sub.group(), sub.version(), sub.kind()));
        strings(s.putArray("verbs"), sub.verbs());
      }
    }
    return r;
  }

  private record Subresource(String name, String group, String version, String kind, List<String> verbs) {}

  private static List<Subresource> subresources(ResourceType t) {
    List<Subresource> subs = new java.util.ArrayList<>();
    if (t.plural().equals("pods") && t.group().isEmpty()) {
      subs.add(new Subresource("log", "", "v1", "Pod", List.of("get")));
    }
    if (t.scale() != null) {
      subs.add(new Subresource("scale", "autoscaling", "v1", "Scale", List.of("get", "patch", "update")));
    }
    if (t.hasStatus()) {
      subs.add(new Subresource("status", t.group(), t.version(), t.kind(), List.of("get", "patch", "update")));
    }
    return subs;
  }

  private static ObjectNode kindNode(String group, String version, String kind) {
    ObjectNode k = MAPPER.createObjectNode();
    k.put("group", group);
    k.put("version", version);
    k.put("kind", kind);
    return k;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
