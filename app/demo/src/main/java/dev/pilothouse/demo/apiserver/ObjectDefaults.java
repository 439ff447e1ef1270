package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the real registry strategies do to a new object before storing it: the status a kind starts with and the
 * few fields the server fills in (namespace name label, service cluster IP).
 */
final class ObjectDefaults {

  private final AtomicInteger nextServiceIp = new AtomicInteger(20);

  void applyOnCreate(ResourceType type, ObjectNode object) {
    switch (type.groupResource()) {
      case "pods" -> {
        ObjectNode status = object.putObject("status");
        status.put("phase", "Pending");
        status.put("qosClass", qosClass(object.path("spec")));
      }
      case "namespaces" -> {
        String name = object.path("metadata").path("name").asText();
        ObjectNode labels = Json.metadata(object).has("labels") && Json.metadata(object).get("labels").isObject()
            ? (ObjectNode) Json.metadata(object).get("labels") : Json.metadata(object).putObject("labels");
        labels.put("kubernetes.io/metadata.name", name);
        ObjectNode spec = object.has("spec") && object.get("spec").isObject()
            ? (ObjectNode) object.get("spec") : object.putObject("spec");
        if (!spec.has("finalizers")) {
          spec.putArray("finalizers").add("kubernetes");
        }
        object.putObject("status").put("phase", "Active");
      }
      case "nodes" -> {
        // The kubelet registers its node with a status; the server keeps it.
      }
      case "services" -> {
        ObjectNode spec = object.has("spec") && object.get("spec").isObject()
            ? (ObjectNode) object.get("spec") : object.putObject("spec");
        if (!spec.has("type")) {
          spec.put("type", "ClusterIP");
        }
        if (!spec.hasNonNull("clusterIP")) {
          int n = nextServiceIp.getAndIncrement();
          String ip = "10.96.%d.%d".formatted(n / 250, n % 250 + 1);
          spec.put("clusterIP", ip);
          spec.putArray("clusterIPs").add(ip);
        }
        object.putObject("status").putObject("loadBalancer");
      }
      case "customresourcedefinitions.apiextensions.k8s.io" -> object.set("status", establishedStatus(object));
      default -> {
        if (type.hasStatus()) {
          object.remove("status");
        }
      }
    }
  }

  /** Kubernetes QoS class: Guaranteed when every container's requests equal its limits, BestEffort with none. */
  static String qosClass(JsonNode spec) {
    boolean any = false;
    boolean guaranteed = true;
    for (JsonNode c : spec.path("containers")) {
      JsonNode requests = c.path("resources").path("requests");
      JsonNode limits = c.path("resources").path("limits");
      any |= requests.size() > 0 || limits.size() > 0;
      for (String resource : new String[] {"cpu", "memory"}) {
        JsonNode limit = limits.path(resource);
        JsonNode request = requests.has(resource) ? requests.path(resource) : limit;
        if (limit.isMissingNode() || !limit.asText().equals(request.asText())) {
          guaranteed = false;
        }
      }
    }
    return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
  }

  private static ObjectNode establishedStatus(ObjectNode crd) {
    ObjectNode status = ApiResponses.MAPPER.createObjectNode();
    status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
    ArrayNode conditions = status.putArray("conditions");
    String now = Clock.now();
    conditions.addObject().put("type", "NamesAccepted").put("status", "True").put("reason", "NoConflicts")
        .put("message", "no conflicts found").put("lastTransitionTime", now);
    conditions.addObject().put("type", "Established").put("status", "True").put("reason", "InitialNamesAccepted")
        .put("message", "the initial names have been accepted").put("lastTransitionTime", now);
    ArrayNode stored = status.putArray("storedVersions");
    for (JsonNode v : crd.path("spec").path("versions")) {
      if (v.path("storage").asBoolean()) {
        stored.add(v.path("name").asText());
      }
    }
    return status;
  }
}
