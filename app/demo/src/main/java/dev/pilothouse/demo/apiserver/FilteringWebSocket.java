package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sits between Fabric8's watch listener and the client socket and turns its "everything of this type" event stream
 * into what the client asked for.
 *
 * <ul>
 *   <li>Selectors: an object that starts matching arrives as ADDED, one that stops matching as DELETED (the real
 *       server's rule), others are not sent.</li>
 *   <li>resourceVersion: the dispatcher replays every stored object as ADDED when a watch opens; objects not changed
 *       since the requested version are skipped, so a watch resumed from a list's version sees only later changes.
 *   </li>
 * </ul>
 *
 * <p>Events arrive on the dispatcher's single per-watch sender thread, so the membership set needs no locking.
 */
final class FilteringWebSocket implements WebSocket {

  private final WebSocket delegate;
  private final ObjectFilter filter;
  private final long since;
  private final Set<String> matching = new HashSet<>();

  FilteringWebSocket(WebSocket delegate, ObjectFilter filter, long since) {
    this.delegate = delegate;
    this.filter = filter;
    this.since = since;
  }

  @Override
  public RecordedRequest request() {
    return delegate.request();
  }

  @Override
  public boolean send(String text) {
    if (filter.isEverything() && since == 0) {
      return delegate.send(text);
    }
    JsonNode event = Json.read(text);
    String type = event.path("type").asText();
    JsonNode object = event.path("object");
    String id = object.path("metadata").path("namespace").asText("") + "/"
        + object.path("metadata").path("name").asText("");
    boolean matchesNow = !type.equals("DELETED") && filter.matches(object);
    boolean matchedBefore = filter.isEverything() ? !type.equals("ADDED") : matching.contains(id);
    if (type.equals("ADDED") && since > 0 && Json.resourceVersion(object) <= since) {
      // Part of the initial replay and unchanged since the client's list: it already has it.
      if (matchesNow && !filter.isEverything()) {
        matching.add(id);
      }
      return true;
    }
    @Nullable String outgoing;
    if (type.equals("DELETED")) {
      outgoing = matchedBefore ? "DELETED" : null;
      matching.remove(id);
    } else if (matchesNow) {
      outgoing = matchedBefore ? "MODIFIED" : "ADDED";
      if (!filter.isEverything()) {
        matching.add(id);
      }
    } else {
      outgoing = matchedBefore ? "DELETED" : null;
      matching.remove(id);
    }
    if (outgoing == null) {
      return true;
    }
    if (outgoing.equals(type)) {
      return delegate.send(text);
    }
    ((ObjectNode) event).put("type", outgoing);
    return delegate.send(Json.write(event));
  }

  @Override
  public boolean send(byte[] bytes) {
    return send(new String(bytes, StandardCharsets.UTF_8));
  }

  @Override
  public boolean close(int code, String reason) {
    return delegate.close(code, reason);
  }
}
