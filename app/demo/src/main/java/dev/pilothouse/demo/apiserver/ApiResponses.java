package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/** HTTP responses shaped like a kube-apiserver's, including its metav1.Status error bodies and messages. */
public final class ApiResponses {

  /** For JSON trees only; Kubernetes types go through {@link Json#KUBERNETES}. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ApiResponses() {}

  public static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
  }

  public static MockResponse json(int code, Object body) {
    return json(code, write(body));
  }

  public static MockResponse text(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "text/plain; charset=utf-8")
        .setBody(body);
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A metav1.Status failure body. */
  public static MockResponse status(int code, String reason, String message, @Nullable ObjectNode details) {
    ObjectNode status = MAPPER.createObjectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", message);
    status.put("reason", reason);
    if (details != null) {
      status.set("details", details);
    }
    status.put("code", code);
    return json(code, status);
  }

  static ObjectNode details(ResourceType type, @Nullable String name) {
    ObjectNode details = MAPPER.createObjectNode();
    if (name != null) {
      details.put("name", name);
    }
    if (!type.group().isEmpty()) {
      details.put("group", type.group());
    }
    details.put("kind", type.plural());
    return details;
  }

  public static MockResponse notFound(ResourceType type, String name) {
    return status(404, "NotFound", "%s \"%s\" not found".formatted(qualified(type), name), details(type, name));
  }

  public static MockResponse namespaceNotFound(String namespace) {
    ObjectNode details = MAPPER.createObjectNode().put("name", namespace).put("kind", "namespaces");
    return status(404, "NotFound", "namespaces \"%s\" not found".formatted(namespace), details);
  }

  /** The answer for paths no served resource matches, as a real server words it. */
  public static MockResponse pathNotFound() {
    return status(404, "NotFound", "the server could not find the requested resource", null);
  }

  public static MockResponse alreadyExists(ResourceType type, String name) {
    return status(409, "AlreadyExists", "%s \"%s\" already exists".formatted(qualified(type), name),
        details(type, name));
  }

  public static MockResponse conflict(ResourceType type, String name, String why) {
    return status(409, "Conflict", "Operation cannot be fulfilled on %s \"%s\": %s".formatted(qualified(type), name, why),
        details(type, name));
  }

  public static MockResponse forbidden(String user, String verb, ResourceType type, @Nullable String subresource,
      @Nullable String namespace, @Nullable String name) {
    String resource = subresource == null ? type.plural() : type.plural() + "/" + subresource;
    String subject = name == null ? qualified(type) : "%s \"%s\"".formatted(qualified(type), name);
    String scope = namespace == null ? "at the cluster scope" : "in the namespace \"%s\"".formatted(namespace);
    return status(403, "Forbidden", "%s is forbidden: User \"%s\" cannot %s resource \"%s\" in API group \"%s\" %s"
        .formatted(subject, user, verb, resource, type.group(), scope), details(type, name));
  }

  public static MockResponse unauthorized() {
    return status(401, "Unauthorized", "Unauthorized", null);
  }

  public static MockResponse badRequest(String message) {
    return status(400, "BadRequest", message, null);
  }

  public static MockResponse invalid(ResourceType type, String name, String message) {
    return status(422, "Invalid", "%s \"%s\" is invalid: %s".formatted(type.kind(), name, message),
        details(type, name));
  }

  public static MockResponse methodNotAllowed() {
    return status(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", null);
  }

  public static MockResponse unsupportedMediaType(String contentType) {
    return status(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media "
        + "types include: application/json-patch+json, application/merge-patch+json, "
        + "application/strategic-merge-patch+json, application/apply-patch+yaml (got " + contentType + ")", null);
  }

  /** 410 Gone with reason Expired: what a server answers for a resourceVersion older than its compaction. */
  public static MockResponse expired(long requested, long oldestAvailable) {
    return status(410, "Expired", expiredMessage(requested, oldestAvailable), null);
  }

  static String expiredMessage(long requested, long oldestAvailable) {
    return "too old resource version: %d (%d)".formatted(requested, oldestAvailable);
  }

  /** "pods" or "deployments.apps": how the server names a resource in messages. */
  static String qualified(ResourceType type) {
    return type.group().isEmpty() ? type.plural() : type.plural() + "." + type.group();
  }
}
