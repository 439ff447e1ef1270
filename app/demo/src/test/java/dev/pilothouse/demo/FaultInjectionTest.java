package dev.pilothouse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected faults: dropped watches, compacted resourceVersions (410 Gone), server stop and restart. */
@SuppressWarnings("try") // watches are opened for the duration of a block and never referenced in it
class FaultInjectionTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private EmulatedCluster cluster;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    cluster = EmulatedCluster.start("faults", 0);
    cluster.seed(List.of(Fixtures.namespace("team"), Fixtures.configMap("team", "first", Map.of())));
    client = Clients.fromKubeconfig(cluster);
  }

  @AfterEach
  void stop() {
    client.close();
    cluster.close();
  }

  @Test
  void informerReconnectsAfterWatchesAreDropped() throws Exception {
    try (SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace("team").inform()) {
      informer.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
      Await.until(TIMEOUT, "the informer's watch", () -> cluster.openWatches() == 1);

      cluster.dropWatches();
      Await.until(TIMEOUT, "the dropped watch to close", () -> cluster.openWatches() == 0);
      cluster.adminClient().configMaps().inNamespace("team")
          .resource(Fixtures.configMap("team", "after-drop", Map.of())).create();

      Await.until(TIMEOUT, "the informer to see the change made while it was cut off",
          () -> informer.getStore().getByKey("team/after-drop") != null);
      // The change may arrive through a relist before the new watch is counted as open.
      Await.until(TIMEOUT, "the informer's watch to be reopened", () -> cluster.openWatches() == 1);
    }
  }

  @Test
  void listFromACompactedResourceVersionIsGone() {
    String version = client.configMaps().inNamespace("team").list().getMetadata().getResourceVersion();

    cluster.expireResourceVersions();

    var response = Http.get(cluster, "/api/v1/namespaces/team/configmaps?resourceVersion=" + version);
    assertThat(response.statusCode()).isEqualTo(410);
    assertThat(response.body()).contains("\"reason\":\"Expired\"", "too old resource version: " + version);
    assertThat(Http.get(cluster, "/api/v1/namespaces/team/configmaps").statusCode()).isEqualTo(200);
  }

  @Test
  void watchFromACompactedResourceVersionClosesWithGone() throws Exception {
    String version = client.configMaps().inNamespace("team").list().getMetadata().getResourceVersion();
    cluster.expireResourceVersions();
    CompletableFuture<WatcherException> closed = new CompletableFuture<>();

    try (Watch ignored = client.configMaps().inNamespace("team")
        .watch(new ListOptionsBuilder().withResourceVersion(version).build(), new Watcher<>() {
          @Override
          public void eventReceived(Action action, ConfigMap resource) {
          }

          @Override
          public void onClose(WatcherException cause) {
            closed.complete(cause);
          }
        })) {
      WatcherException cause = closed.get(10, TimeUnit.SECONDS);
      assertThat(cause.isHttpGone()).isTrue();
    }
  }

  @Test
  void informerRelistsAfterCompactionAndADroppedWatch() throws Exception {
    List<String> added = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace("team").inform(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(ConfigMap obj) {
            added.add(obj.getMetadata().getName());
          }

          @Override
          public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
          }

          @Override
          public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
          }
        })) {
      Await.until(TIMEOUT, "the informer's watch", () -> cluster.openWatches() == 1);

      cluster.expireResourceVersions();
      cluster.dropWatches();
      cluster.adminClient().configMaps().inNamespace("team")
          .resource(Fixtures.configMap("team", "after-compaction", Map.of())).create();

      Await.until(TIMEOUT, "the relisted object", () -> added.contains("after-compaction"));
      assertThat(informer.getStore().list()).hasSize(2);
    }
  }

  @Test
  void stopClosesThePortAndRestartServesTheSameDataOnIt() {
    int port = cluster.port();

    cluster.stop();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    cluster.restart();

    assertThat(cluster.port()).isEqualTo(port);
    assertThat(client.configMaps().inNamespace("team").withName("first").get()).isNotNull();
  }

  @Test
  void restartsTwentyTimesInARow() throws Exception {
    try (SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace("team").inform()) {
      informer.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
      for (int i = 0; i < 20; i++) {
        cluster.restart();
        assertThat(Http.get(cluster, "/version").statusCode()).as("restart %d", i).isEqualTo(200);
      }
      cluster.adminClient().configMaps().inNamespace("team")
          .resource(Fixtures.configMap("team", "after-restarts", Map.of())).create();

      Await.until(TIMEOUT, "the informer to come back", () ->
          informer.getStore().getByKey("team/after-restarts") != null);
    }
  }
}
