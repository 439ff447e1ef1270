package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pilothouse.demo.apiserver.ObjectStore.StoredObject;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Watches: Fabric8's websocket watch, filtered by {@link FilteringWebSocket} for selectors and resourceVersion,
 * tracked so that {@link #dropAll} can cut every open watch, and refused with a 410 ERROR event when the requested
 * resourceVersion has been compacted.
 *
 * <p>Plain HTTP watches (kubectl {@code get -w}) cannot stream through the mock web server, which writes whole
 * responses: they receive the current objects as ADDED events and then the stream ends, as when a server closes a
 * watch at its timeout.
 */
public final class Watches {

  private final ObjectStore store;
  private final Compaction compaction;
  private final Set<TrackedWatch> open = ConcurrentHashMap.newKeySet();

  public Watches(ObjectStore store, Compaction compaction) {
    this.store = store;
    this.compaction = compaction;
  }

  public MockResponse open(ApiRequest request, ResourceType type, @Nullable String namespace,
      @Nullable String singleName) {
    ObjectFilter filter;
    try {
      filter = ObjectFilter.of(request, type);
      if (singleName != null) {
        filter = new ObjectFilter(filter.labels(), FieldSelector.parse("metadata.name=" + singleName, type));
      }
    } catch (IllegalArgumentException e) {
      return ApiResponses.badRequest(e.getMessage());
    }
    long since = request.longParam("resourceVersion", 0);
    if (compaction.isExpired(since)) {
      String error = expiredEvent(since);
      return request.websocketUpgrade()
          ? new MockResponse().withWebSocketUpgrade(new RefusedWatch(error))
          : ApiResponses.json(200, error + "\n");
    }
    if (!request.websocketUpgrade()) {
      return snapshotStream(type, namespace, filter, since);
    }
    WebSocketListener dispatcherListener = store.openWatch(type, namespace).getWebSocketListener();
    return new MockResponse().withWebSocketUpgrade(new TrackedWatch(dispatcherListener, filter, since));
  }

  /** Closes every open watch connection, as a network cut or an apiserver restart would. */
  public void dropAll() {
    for (TrackedWatch watch : open) {
      watch.drop();
    }
  }

  public int openCount() {
    return open.size();
  }

  private MockResponse snapshotStream(ResourceType type, @Nullable String namespace, ObjectFilter filter,
      long since) {
    StringBuilder body = new StringBuilder();
    for (StoredObject object : store.list(type, namespace)) {
      if (filter.matches(object) && (since == 0 || Json.resourceVersion(Json.read(object.json())) > since)) {
        body.append("{\"type\":\"ADDED\",\"object\":").append(object.json()).append("}\n");
      }
    }
    return ApiResponses.json(200, body.toString());
  }

  private String expiredEvent(long since) {
    ObjectNode event = ApiResponses.MAPPER.createObjectNode();
    event.put("type", "ERROR");
    ObjectNode status = event.putObject("object");
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", ApiResponses.expiredMessage(since, compaction.oldestAvailable()));
    status.put("reason", "Expired");
    status.put("code", 410);
    return ApiResponses.write(event);
  }

  /** Decorates the dispatcher's listener: hands it a filtering socket and keeps the watch in {@link #open}. */
  private final class TrackedWatch extends WebSocketListener {
    private final WebSocketListener delegate;
    private final ObjectFilter filter;
    private final long since;
    private volatile @Nullable FilteringWebSocket socket;

    TrackedWatch(WebSocketListener delegate, ObjectFilter filter, long since) {
      this.delegate = delegate;
      this.filter = filter;
      this.since = since;
    }

    private synchronized FilteringWebSocket socket(WebSocket raw) {
      FilteringWebSocket s = socket;
      if (s == null) {
        s = new FilteringWebSocket(raw, filter, since);
        socket = s;
      }
      return s;
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
      delegate.onBeforeAccept(socket(webSocket), response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      open.add(this);
      delegate.onOpen(socket(webSocket), response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      delegate.onMessage(socket(webSocket), text);
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
      delegate.onMessage(socket(webSocket), bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      delegate.onClosing(socket(webSocket), code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      open.remove(this);
      delegate.onClosed(socket(webSocket), code, reason);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
      open.remove(this);
      delegate.onFailure(socket(webSocket), error, response);
    }

    void drop() {
      FilteringWebSocket s = socket;
      if (s != null) {
        s.close(1000, "");
      }
    }
  }

  /** Sends one ERROR event (410 Expired) and closes, as a server does for a compacted resourceVersion. */
  private static final class RefusedWatch extends WebSocketListener {
    private final String errorEvent;

    RefusedWatch(String errorEvent) {
      this.errorEvent = errorEvent;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      webSocket.send(errorEvent);
      webSocket.close(1000, "");
    }
  }
}
