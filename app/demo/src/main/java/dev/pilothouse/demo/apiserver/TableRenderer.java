package dev.pilothouse.demo.apiserver;

import static dev.pilothouse.demo.apiserver.ApiResponses.MAPPER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pilothouse.demo.apiserver.ObjectStore.StoredObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Server-side printing ({@code meta.k8s.io/v1 Table}), which kubectl requests for {@code get}: the usual columns
 * for the common built-in kinds, NAME and AGE for the rest, and a CRD's additionalPrinterColumns for custom
 * resources.
 */
final class TableRenderer {

  private record Column(String name, String type, int priority, Function<JsonNode, Object> cell) {}

  private TableRenderer() {}

  static boolean wantsTable(@Nullable String accept) {
    return accept != null && accept.contains("as=Table") && accept.contains("g=meta.k8s.io");
  }

  static ObjectNode render(ResourceType type, ListHandler.Page page, @Nullable String includeObject) {
    List<Column> columns = columns(type);
    ObjectNode table = MAPPER.createObjectNode();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    ObjectNode meta = table.putObject("metadata");
    meta.put("resourceVersion", String.valueOf(page.resourceVersion()));
    if (page.continueToken() != null) {
      meta.put("continue", page.continueToken());
      meta.put("remainingItemCount", page.remainingItemCount());
    }
    ArrayNode definitions = table.putArray("columnDefinitions");
    for (Column c : columns) {
      ObjectNode d = definitions.addObject();
      d.put("name", c.name());
      d.put("type", c.type().equals("date") ? "string" : c.type());
      d.put("format", c.name().equals("Name") ? "name" : "");
      d.put("description", "");
      d.put("priority", c.priority());
    }
    ArrayNode rows = table.putArray("rows");
    for (StoredObject stored : page.items()) {
      JsonNode object = Json.read(stored.json());
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      for (Column c : columns) {
        cells.addPOJO(c.cell().apply(object));
      }
      if ("Object".equals(includeObject)) {
        row.set("object", object);
      } else if (!"None".equals(includeObject)) {
        ObjectNode partial = row.putObject("object");
        partial.put("kind", "PartialObjectMetadata");
        partial.put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", object.path("metadata").deepCopy());
      }
    }
    return table;
  }

  private static List<Column> columns(ResourceType type) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("Name", "string", 0, o -> text(o, "metadata", "name")));
    if (!type.printerColumns().isEmpty()) {
      for (ResourceType.PrinterColumn pc : type.printerColumns()) {
        columns.add(new Column(pc.name(), pc.type(), pc.priority(), o -> customCell(o, pc)));
      }
      return columns;
    }
    switch (type.groupResource()) {
      case "pods" -> {
        columns.add(new Column("Ready", "string", 0, PodStatusText::readyCount));
        columns.add(new Column("Status", "string", 0, PodStatusText::status));
        columns.add(new Column("Restarts", "string", 0, PodStatusText::restarts));
        columns.add(age());
        columns.add(new Column("IP", "string", 1, o -> orNone(text(o, "status", "podIP"))));
        columns.add(new Column("Node", "string", 1, o -> orNone(text(o, "spec", "nodeName"))));
      }
      case "nodes" -> {
        columns.add(new Column("Status", "string", 0, TableRenderer::nodeStatus));
        columns.add(new Column("Roles", "string", 0, TableRenderer::nodeRoles));
        columns.add(age());
        columns.add(new Column("Version", "string", 0, o -> text(o, "status", "nodeInfo", "kubeletVersion")));
      }
      case "deployments.apps" -> {
        columns.add(new Column("Ready", "string", 0,
            o -> num(o, "status", "readyReplicas") + "/" + num(o, "spec", "replicas")));
        columns.add(new Column("Up-to-date", "integer", 0, o -> num(o, "status", "updatedReplicas")));
        columns.add(new Column("Available", "integer", 0, o -> num(o, "status", "availableReplicas")));
        columns.add(age());
      }
      case "replicasets.apps", "statefulsets.apps" -> {
        columns.add(new Column("Desired", "integer", 0, o -> num(o, "spec", "replicas")));
        columns.add(new Column("Current", "integer", 0, o -> num(o, "status", "replicas")));
        columns.add(new Column("Ready", "integer", 0, o -> num(o, "status", "readyReplicas")));
        columns.add(age());
      }
      case "daemonsets.apps" -> {
        columns.add(new Column("Desired", "integer", 0, o -> num(o, "status", "desiredNumberScheduled")));
        columns.add(new Column("Current", "integer", 0, o -> num(o, "status", "currentNumberScheduled")));
        columns.add(new Column("Ready", "integer", 0, o -> num(o, "status", "numberReady")));
        columns.add(age());
      }
      case "jobs.batch" -> {
        columns.add(new Column("Status", "string", 0, TableRenderer::jobStatus));
        columns.add(new Column("Completions", "string", 0,
            o -> num(o, "status", "succeeded") + "/" + Math.max(1, num(o, "spec", "completions"))));
        columns.add(age());
      }
      case "services" -> {
        columns.add(new Column("Type", "string", 0, o -> text(o, "spec", "type")));
        columns.add(new Column("Cluster-IP", "string", 0, o -> orNone(text(o, "spec", "clusterIP"))));
        columns.add(new Column("Port(s)", "string", 0, TableRenderer::ports));
        columns.add(age());
      }
      case "namespaces" -> {
        columns.add(new Column("Status", "string", 0, o -> text(o, "status", "phase")));
        columns.add(age());
      }
      case "events" -> {
        columns.clear();
        columns.add(new Column("Last Seen", "string", 0, o -> since(lastSeen(o))));
        columns.add(new Column("Type", "string", 0, o -> text(o, "type")));
        columns.add(new Column("Reason", "string", 0, o -> text(o, "reason")));
        columns.add(new Column("Object", "string", 0, o -> text(o, "involvedObject", "kind").toLowerCase(
            java.util.Locale.ROOT) + "/" + text(o, "involvedObject", "name")));
        columns.add(new Column("Message", "string", 0, o -> text(o, "message")));
      }
      case "customresourcedefinitions.apiextensions.k8s.io" ->
          columns.add(new Column("Created At", "date", 0, o -> text(o, "metadata", "creationTimestamp")));
      default -> columns.add(age());
    }
    return columns;
  }

  private static Column age() {
    return new Column("Age", "string", 0, o -> since(text(o, "metadata", "creationTimestamp")));
  }

  private static Object customCell(JsonNode object, ResourceType.PrinterColumn column) {
    JsonNode value = JsonPathLite.evaluate(object, column.jsonPath());
    if (value.isMissingNode() || value.isNull()) {
      return "<none>";
    }
    return switch (column.type()) {
      case "date" -> since(value.asText());
      case "integer" -> value.asLong();
      case "number" -> value.asDouble();
      case "boolean" -> value.asBoolean();
      default -> value.isValueNode() ? value.asText() : value.toString();
    };
  }

  private static String nodeStatus(JsonNode node) {
    String ready = "Unknown";
    for (JsonNode c : node.path("status").path("conditions")) {
      if (c.path("type").asText().equals("Ready")) {
        ready = c.path("status").asText().equals("True") ? "Ready" : "NotReady";
      }
    }
    return node.path("spec").path("unschedulable").asBoolean() ? ready + ",SchedulingDisabled" : ready;
  }

  private static String nodeRoles(JsonNode node) {
    List<String> roles = new ArrayList<>();
    node.path("metadata").path("labels").fieldNames().forEachRemaining(label -> {
      if (label.startsWith("node-role.kubernetes.io/")) {
        roles.add(label.substring("node-role.kubernetes.io/".length()));
      }
    });
    return roles.isEmpty() ? "<none>" : String.join(",", roles);
  }

  private static String jobStatus(JsonNode job) {
    for (JsonNode c : job.path("status").path("conditions")) {
      if (c.path("status").asText().equals("True")) {
        String t = c.path("type").asText();
        if (t.equals("Complete") || t.equals("Failed")) {
          return t;
        }
      }
    }
    return job.path("spec").path("suspend").asBoolean() ? "Suspended" : "Running";
  }

  private static String ports(JsonNode service) {
    List<String> ports = new ArrayList<>();
    for (JsonNode p : service.path("spec").path("ports")) {
      ports.add(p.path("port").asText() + "/" + p.path("protocol").asText("TCP"));
    }
    return ports.isEmpty() ? "<none>" : String.join(",", ports);
  }

  private static String lastSeen(JsonNode event) {
    for (String field : List.of("lastTimestamp", "eventTime", "firstTimestamp")) {
      String value = event.path(field).asText("");
      if (!value.isEmpty()) {
        return value;
      }
    }
    return text(event, "metadata", "creationTimestamp");
  }

  static String text(JsonNode node, String... path) {
    JsonNode n = node;
    for (String p : path) {
      n = n.path(p);
    }
    return n.isMissingNode() || n.isNull() ? "" : n.asText();
  }

  private static long num(JsonNode node, String... path) {
    JsonNode n = node;
    for (String p : path) {
      n = n.path(p);
    }
    return n.asLong(0);
  }

  private static String orNone(String s) {
    return s.isEmpty() ? "<none>" : s;
  }

  /** Age of an RFC 3339 timestamp, formatted like kubectl's HumanDuration. */
  static String since(String timestamp) {
    if (timestamp.isEmpty()) {
      return "<unknown>";
    }
    try {
      return humanDuration(Duration.between(Instant.parse(timestamp), Instant.now()));
    } catch (DateTimeParseException e) {
      return "<invalid>";
    }
  }

  static String humanDuration(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    } else if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    } else if (hours < 24 * 365 * 8) {
      long dd = hours / 24 % 365;
      return dd == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dd + "d";
    }
    return hours / 24 / 365 + "y";
  }
}
