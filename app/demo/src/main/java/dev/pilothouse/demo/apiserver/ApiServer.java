package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pilothouse.demo.apiserver.Users.UserInfo;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The emulated kube-apiserver's request pipeline, installed as the mock web server's dispatcher: authentication,
 * discovery, path resolution against the {@link ResourceCatalog} (unknown resources are 404), authorization, then
 * the handler for the verb. Storage and websocket watches are Fabric8's CRUD dispatcher, behind {@link ObjectStore}.
 */
public final class ApiServer extends Dispatcher {

  private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());

  private final ObjectStore store;
  private final ResourceCatalog catalog;
  private final Users users;
  private final Discovery discovery;
  private final Compaction compaction;
  private final ListHandler lists;
  private final Watches watches;
  private final Writes writes;
  private final ScaleSubresource scale;
  private final Reviews reviews;
  private final PodLogs logs = new PodLogs();
  private final Supplier<String> serverAddress;

  public ApiServer(ObjectStore store, Users users, Authorizer authorizer, String gitVersion,
      Supplier<String> serverAddress) {
    this.store = store;
    this.catalog = new ResourceCatalog(store);
    this.users = users;
    this.discovery = new Discovery(catalog, gitVersion);
    this.compaction = new Compaction(store);
    this.lists = new ListHandler(store, compaction);
    this.watches = new Watches(store, compaction);
    this.writes = new Writes(store);
    this.scale = new ScaleSubresource(store, writes);
    this.reviews = new Reviews(authorizer);
    this.serverAddress = serverAddress;
  }

  public ResourceCatalog catalog() {
    return catalog;
  }

  public Watches watches() {
    return watches;
  }

  public Compaction compaction() {
    return compaction;
  }

  @Override
  public MockResponse dispatch(RecordedRequest recorded) {
    try {
      return handle(ApiRequest.from(recorded));
    } catch (ApiException e) {
      return e.response();
    } catch (IllegalArgumentException e) {
      return ApiResponses.badRequest(e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "emulated API server failed on " + recorded.getRequestLine());
      return ApiResponses.status(500, "InternalError", "Internal error occurred: " + e, null);
    }
  }

  private MockResponse handle(ApiRequest request) {
    Optional<UserInfo> authenticated = users.authenticate(request.authorization());
    if (authenticated.isEmpty()) {
      return ApiResponses.unauthorized();
    }
    UserInfo user = authenticated.get();
    List<String> segments = request.segments();
    if (segments.isEmpty()) {
      return request.method() == HttpMethod.GET ? ApiResponses.json(200, rootPaths()) : ApiResponses.methodNotAllowed();
    }
    if (segments.size() == 1 && List.of("healthz", "livez", "readyz").contains(segments.getFirst())) {
      return ApiResponses.text(200, "ok");
    }
    if (request.method() == HttpMethod.GET) {
      Optional<MockResponse> answer = discovery.answer(segments, request.accept(), serverAddress.get());
      if (answer.isPresent()) {
        return answer.get();
      }
    }
    Optional<ResourcePath> parsed = ResourcePath.parse(segments);
    if (parsed.isEmpty()) {
      return ApiResponses.pathNotFound();
    }
    ResourcePath path = parsed.get();
    Optional<ResourceType> resolved = catalog.find(path.group(), path.version(), path.plural());
    if (resolved.isEmpty() || (path.namespace() != null && !resolved.get().namespaced())
        || (path.namespace() == null && path.name() != null && resolved.get().namespaced())
        || !subresourceExists(resolved.get(), path)) {
      return ApiResponses.pathNotFound();
    }
    ResourceType type = resolved.get();
    String verb = verb(request, path);
    if (!type.supports(verb) && path.subresource() == null) {
      return ApiResponses.methodNotAllowed();
    }
    Authorizer.Decision decision = reviews.decide(user, new Authorizer.Attributes(user.username(), verb,
        type.group(), type.plural(), path.subresource(), path.namespace(), path.name()));
    if (!decision.allowed() && !isReview(type)) {
      return ApiResponses.forbidden(user.username(), verb, type, path.subresource(), path.namespace(), path.name());
    }
    return route(request, user, type, path, verb);
  }

  private MockResponse route(ApiRequest request, UserInfo user, ResourceType type, ResourcePath path, String verb) {
    String ns = path.namespace();
    String name = path.name();
    if (isReview(type)) {
      return type.plural().equals("selfsubjectaccessreviews")
          ? reviews.accessReview(request, user) : reviews.selfReview(user);
    }
    if (request.protobufBody()) {
      return ApiResponses.unsupportedMediaType(request.contentType());
    }
    if ("log".equals(path.subresource())) {
      if (request.method() != HttpMethod.GET) {
        return ApiResponses.methodNotAllowed();
      }
      return store.get(type, ns, name).map(pod -> logs.get(request, Json.read(pod.json())))
          .orElseGet(() -> ApiResponses.notFound(type, name));
    }
    if ("scale".equals(path.subresource())) {
      return switch (request.method()) {
        case GET -> scale.get(type, ns, name);
        case PUT -> scale.write(request, type, ns, name, false);
        case PATCH -> scale.write(request, type, ns, name, true);
        default -> ApiResponses.methodNotAllowed();
      };
    }
    return switch (verb) {
      case "watch" -> watches.open(request, type, ns, name);
      case "list" -> lists.list(request, type, ns);
      case "get" -> store.get(type, ns, name).map(o -> TableRenderer.wantsTable(request.accept())
              ? ApiResponses.json(200, TableRenderer.render(type, new ListHandler.Page(List.of(o), Json.resourceVersion(
                  Json.read(o.json())), null, 0), request.param("includeObject")))
              : ApiResponses.json(200, o.json()))
          .orElseGet(() -> ApiResponses.notFound(type, name));
      case "create" -> name == null ? writes.create(request, type, ns) : ApiResponses.methodNotAllowed();
      case "update" -> writes.update(request, type, ns, name, path.subresource());
      case "patch" -> writes.patch(request, type, ns, name, path.subresource());
      case "delete" -> writes.delete(request, type, ns, name);
      case "deletecollection" -> writes.deleteCollection(request, type, ns, lists);
      default -> ApiResponses.methodNotAllowed();
    };
  }

  private static String verb(ApiRequest request, ResourcePath path) {
    boolean watch = request.flag("watch");
    return switch (request.method()) {
      case GET -> watch ? "watch" : path.name() == null ? "list" : "get";
      case POST -> "create";
      case PUT -> path.name() == null ? "unsupported" : "update";
      case PATCH -> path.name() == null ? "unsupported" : "patch";
      case DELETE -> path.name() == null ? "deletecollection" : "delete";
      default -> "unsupported";
    };
  }

  private static boolean subresourceExists(ResourceType type, ResourcePath path) {
    @Nullable String sub = path.subresource();
    if (sub == null) {
      return true;
    }
    if (path.name() == null) {
      return false;
    }
    return switch (sub) {
      case "status" -> type.hasStatus();
      case "scale" -> type.scale() != null;
      case "log" -> type.group().isEmpty() && type.plural().equals("pods");
      default -> false;
    };
  }

  private static boolean isReview(ResourceType type) {
    return type.plural().equals("selfsubjectaccessreviews") || type.plural().equals("selfsubjectreviews");
  }

  private ObjectNode rootPaths() {
    ObjectNode root = ApiResponses.MAPPER.createObjectNode();
    ArrayNode paths = root.putArray("paths");
    paths.add("/api");
    paths.add("/api/v1");
    paths.add("/apis");
    catalog.all().stream().filter(t -> !t.group().isEmpty()).map(ResourceType::group).distinct().forEach(g -> {
      paths.add("/apis/" + g);
    });
    catalog.all().stream().filter(t -> !t.group().isEmpty()).map(t -> "/apis/" + t.groupVersion()).distinct()
        .forEach(paths::add);
    paths.add("/healthz");
    paths.add("/livez");
    paths.add("/readyz");
    paths.add("/version");
    return root;
  }
}
