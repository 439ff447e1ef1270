package dev.pilothouse.demo;

import dev.pilothouse.demo.apiserver.ApiServer;
import dev.pilothouse.demo.apiserver.Authorizer;
import dev.pilothouse.demo.apiserver.ObjectStore;
import dev.pilothouse.demo.apiserver.Seeder;
import dev.pilothouse.demo.apiserver.Users;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * One emulated Kubernetes cluster on {@code http://127.0.0.1:PORT}: Fabric8's KubernetesMockServer in CRUD mode with
 * the emulator's request semantics ({@code dev.pilothouse.demo.apiserver}) in front of it.
 *
 * <p>Clients authenticate with a bearer token: {@link #userToken()} is user {@value #USER} (what a kubeconfig
 * carries, subject to the {@link AccessPolicy}); the {@link #adminClient()} is {@code system:admin} (never
 * restricted). A new cluster has the four namespaces every cluster has (default, kube-system, kube-public,
 * kube-node-lease) and nothing else.
 *
 * <p>Faults for tests: {@link #dropWatches()}, {@link #expireResourceVersions()}, {@link #stop()} and
 * {@link #restart()} (same port, same data).
 */
public final class EmulatedCluster implements AutoCloseable {

  /** The user a kubeconfig for this cluster authenticates as. */
  public static final String USER = "demo-admin";
  /** The Kubernetes version the emulator reports. */
  public static final String KUBERNETES_VERSION = "v1.32.0";
  private static final List<String> USER_GROUPS = List.of("pilothouse:demo-users", "system:authenticated");

  // JUL keeps loggers weakly: hold the reference or the level set below can be lost.
  private static final Logger MOCK_WEB_SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());
  private static final Logger LOG = Logger.getLogger(EmulatedCluster.class.getName());
  private static final Duration BIND_RETRY = Duration.ofSeconds(10);

  static {
    // MockWebServer logs every request at INFO.
    MOCK_WEB_SERVER_LOG.setLevel(Level.WARNING);
  }

  private final String name;
  private final ObjectStore store = new ObjectStore();
  private final Users users = new Users();
  private final String userToken;
  private final String adminToken;
  private final ApiServer apiServer;
  private final Seeder seeder;
  private volatile AccessPolicy accessPolicy = AccessPolicy.allowAll();
  private int port;
  private @Nullable KubernetesMockServer server;
  private @Nullable KubernetesClient adminClient;
  private boolean closed;

  private EmulatedCluster(String name) {
    this.name = Objects.requireNonNull(name, "name");
    this.userToken = users.addUser(USER, USER_GROUPS);
    this.adminToken = users.addUser(Users.SUPERUSER, List.of("system:masters", "system:authenticated"));
    Authorizer authorizer = a -> {
      AccessPolicy policy = accessPolicy;
      boolean allowed = policy.allows(a.user(), a.verb(), a.group(), a.resource(), a.subresource(), a.namespace(),
          a.name());
      return new Authorizer.Decision(allowed, policy.explain(a.user(), a.verb(), a.group(), a.resource(),
          a.subresource(), a.namespace(), a.name()));
    };
    this.apiServer = new ApiServer(store, users, authorizer, KUBERNETES_VERSION, () -> "127.0.0.1:" + port);
    this.seeder = new Seeder(store, apiServer.catalog());
    seeder.seed(List.of("default", "kube-system", "kube-public", "kube-node-lease").stream()
        .map(ns -> new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).toList());
  }

  /**
   * Starts an empty cluster.
   *
   * @param port the port on 127.0.0.1, or 0 for a free one
   */
  public static EmulatedCluster start(String name, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    EmulatedCluster cluster = new EmulatedCluster(name);
    cluster.bind(port);
    return cluster;
  }

  public String name() {
    return name;
  }

  public synchronized int port() {
    return port;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** The bearer token of user {@value #USER}, as a kubeconfig for this cluster carries it. */
  public String userToken() {
    return userToken;
  }

  /**
   * Registers another user (for tests of permissions) and returns its token.
   *
   * @param username the name the {@link AccessPolicy} and SelfSubjectReview see
   */
  public String addUser(String username) {
    return users.addUser(username, List.of("system:authenticated"));
  }

  /**
   * Accepts a bearer token minted elsewhere (an OIDC id_token in tests of token refresh) as user {@value #USER}'s.
   * The emulator does not verify signatures: it only looks the token up, as a server that trusts its issuer would.
   */
  public void acceptUserToken(String token) {
    users.addToken(token, USER, USER_GROUPS);
  }

  /** A single-context kubeconfig (context named after the cluster) for user {@value #USER}. */
  public String kubeconfigYaml() {
    return Kubeconfig.yaml(List.of(this), Kubeconfig.contextName(this));
  }

  /**
   * A client authenticated as {@code system:admin} (never restricted by the access policy), for seeding and tests.
   * Closed with the cluster; it keeps working across {@link #restart()}.
   */
  public synchronized KubernetesClient adminClient() {
    if (adminClient == null) {
      Config config = new ConfigBuilder(Config.empty())
          .withMasterUrl(url().toString())
          .withOauthToken(adminToken)
          .withNamespace("default")
          .withHttp2Disable(true)
          .withConnectionTimeout(5_000)
          .withRequestTimeout(15_000)
          .withRequestRetryBackoffLimit(0)
          .build();
      adminClient = new KubernetesClientBuilder().withConfig(config).build();
    }
    return adminClient;
  }

  /**
   * Imports objects in bulk, straight into the store: CRDs first, then namespaces, then the rest. Objects keep the
   * status they carry (unlike a create through the API, which resets it) and missing metadata (uid,
   * resourceVersion, creationTimestamp, generation) is filled in. Watches see ADDED events. The given objects are
   * not modified.
   *
   * @throws IllegalArgumentException when a kind is not served (seed its CRD) or a namespace does not exist
   */
  public void seed(List<? extends HasMetadata> objects) {
    seeder.seed(objects);
  }

  /** Replaces the access policy; takes effect for the next request. */
  public void setAccessPolicy(AccessPolicy policy) {
    this.accessPolicy = Objects.requireNonNull(policy, "policy");
  }

  /** Closes every open watch connection (an injected disconnect): clients must reconnect. */
  public void dropWatches() {
    apiServer.watches().dropAll();
  }

  /** The number of open watch connections. */
  public int openWatches() {
    return apiServer.watches().openCount();
  }

  /**
   * Emulates an etcd compaction: from now on a list, continue token or watch that starts from a resourceVersion
   * issued before this call gets 410 Gone (reason Expired).
   */
  public void expireResourceVersions() {
    apiServer.compaction().compactNow();
  }

  /** Stops serving: the port is closed, open connections are cut, data is kept. Idempotent. */
  public synchronized void stop() {
    if (server != null) {
      server.shutdown();
      server = null;
    }
  }

  /** Serves again on the same port with the same data (stopping first if running). */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("cluster " + name + " is closed");
    }
    stop();
    bind(port);
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /** Stops the server and closes the admin client. */
  @Override
  public synchronized void close() {
    closed = true;
    if (adminClient != null) {
      adminClient.close();
      adminClient = null;
    }
    stop();
  }

  /** Binds 127.0.0.1:requestedPort, retrying briefly: a just-closed port can take a moment to be released. */
  private void bind(int requestedPort) {
    long deadline = System.nanoTime() + BIND_RETRY.toNanos();
    RuntimeException last;
    do {
      MockWebServer web = new MockWebServer();
      web.setHttp2ClearTextEnabled(false);
      KubernetesMockServer candidate = new KubernetesMockServer(new Context(), web,
          new HashMap<>(), apiServer, false);
      try {
        candidate.start(loopback(), requestedPort);
        server = candidate;
        port = candidate.getPort();
        return;
      } catch (RuntimeException e) {
        last = e;
        candidate.shutdown();
        if (requestedPort == 0) {
          throw e;
        }
        LOG.fine(() -> "port " + requestedPort + " not yet free, retrying: " + e);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
    } while (System.nanoTime() < deadline);
    throw new IllegalStateException("cannot bind 127.0.0.1:" + requestedPort + " for cluster " + name, last);
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
