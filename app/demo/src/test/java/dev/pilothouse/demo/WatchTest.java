package dev.pilothouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Watches: from a resourceVersion, with selectors, through Fabric8's websocket watch. */
@SuppressWarnings("try") // watches are opened for the duration of a block and never referenced in it
class WatchTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private EmulatedCluster cluster;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    cluster = EmulatedCluster.start("watch", 0);
    client = cluster.adminClient();
    cluster.seed(List.of(Fixtures.namespace("team"), Fixtures.configMap("team", "old", Map.of("app", "web"))));
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void watchFromAListsVersionSeesOnlyLaterChanges() {
    String version = client.configMaps().inNamespace("team").list().getMetadata().getResourceVersion();
    List<String> events = new CopyOnWriteArrayList<>();

    try (Watch ignored = client.configMaps().inNamespace("team")
        .watch(new ListOptionsBuilder().withResourceVersion(version).build(), recorder(events))) {
      client.configMaps().inNamespace("team").resource(Fixtures.configMap("team", "new", Map.of())).create();
      Await.until(TIMEOUT, "ADDED new", () -> events.contains("ADDED new"));
    }

    assertThat(events).containsExactly("ADDED new");
  }

  @Test
  void watchWithoutVersionStartsWithEveryObject() {
    List<String> events = new CopyOnWriteArrayList<>();

    try (Watch ignored = client.configMaps().inNamespace("team").watch(recorder(events))) {
      Await.until(TIMEOUT, "ADDED old", () -> events.contains("ADDED old"));
    }

    assertThat(events).containsExactly("ADDED old");
  }

  @Test
  void objectsEnterAndLeaveASelectorsWatchAsAddedAndDeleted() {
    List<String> events = new CopyOnWriteArrayList<>();

    try (Watch ignored = client.configMaps().inNamespace("team").withLabel("app", "web").watch(recorder(events))) {
      Await.until(TIMEOUT, "ADDED old", () -> events.contains("ADDED old"));
      client.configMaps().inNamespace("team").withName("old").edit(cm -> {
        cm.getMetadata().setLabels(Map.of("app", "db"));
        return cm;
      });
      client.configMaps().inNamespace("team").resource(Fixtures.configMap("team", "other", Map.of("app", "db")))
          .create();
      client.configMaps().inNamespace("team").withName("other").edit(cm -> {
        cm.getMetadata().setLabels(Map.of("app", "web"));
        return cm;
      });
      Await.until(TIMEOUT, "ADDED other", () -> events.contains("ADDED other"));
    }

    assertThat(events).containsExactly("ADDED old", "DELETED old", "ADDED other");
  }

  @Test
  void modificationsAndDeletionsArriveInOrder() {
    List<String> events = new CopyOnWriteArrayList<>();

    try (Watch ignored = client.configMaps().inNamespace("team").withName("old").watch(recorder(events))) {
      Await.until(TIMEOUT, "ADDED old", () -> events.contains("ADDED old"));
      client.configMaps().inNamespace("team").withName("old").edit(cm -> {
        cm.setData(new HashMap<>(Map.of("k", "v2")));
        return cm;
      });
      client.configMaps().inNamespace("team").withName("old").delete();
      Await.until(TIMEOUT, "DELETED old", () -> events.contains("DELETED old"));
    }

    assertThat(events).containsExactly("ADDED old", "MODIFIED old", "DELETED old");
  }

  private static Watcher<ConfigMap> recorder(List<String> events) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, ConfigMap resource) {
        events.add(action + " " + resource.getMetadata().getName());
      }

      @Override
      public void onClose(WatcherException cause) {
      }
    };
  }
}
