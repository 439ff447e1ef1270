package dev.pilothouse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code dryRun=All}: the server answers as it would, and keeps nothing. */
@SuppressWarnings("try") // watches are opened for the duration of a block and never referenced in it
class DryRunTest {

  private EmulatedCluster cluster;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    cluster = EmulatedCluster.start("dry-run", 0);
    client = cluster.adminClient();
    client.namespaces().resource(Fixtures.namespace("team")).create();
    client.configMaps().inNamespace("team").resource(Fixtures.configMap("team", "existing", Map.of())).create();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void dryRunCreateAnswersWithTheObjectButStoresNothing() {
    ConfigMap answer = client.configMaps().inNamespace("team")
        .resource(Fixtures.configMap("team", "planned", Map.of())).dryRun().create();

    assertThat(answer.getMetadata().getUid()).isNotBlank();
    assertThat(answer.getMetadata().getCreationTimestamp()).isNotBlank();
    assertThat(client.configMaps().inNamespace("team").withName("planned").get()).isNull();
  }

  @Test
  void dryRunCreateStillRejectsWhatARealCreateWould() {
    assertThatThrownBy(() -> client.configMaps().inNamespace("team")
        .resource(Fixtures.configMap("team", "existing", Map.of())).dryRun().create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void dryRunUpdatePatchAndDeleteLeaveTheObjectAsItWas() {
    ConfigMap before = client.configMaps().inNamespace("team").withName("existing").get();
    ConfigMap changed = client.configMaps().inNamespace("team").withName("existing").get();
    changed.getData().put("key", "updated");

    ConfigMap updated = client.configMaps().inNamespace("team").resource(changed).dryRun().update();
    ConfigMap patched = client.configMaps().inNamespace("team").withName("existing").dryRun()
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"key\":\"patched\"}}");
    client.configMaps().inNamespace("team").withName("existing").dryRun().delete();

    assertThat(updated.getData()).containsEntry("key", "updated");
    assertThat(patched.getData()).containsEntry("key", "patched");
    ConfigMap after = client.configMaps().inNamespace("team").withName("existing").get();
    assertThat(after.getData()).isEqualTo(before.getData());
    assertThat(after.getMetadata().getResourceVersion()).isEqualTo(before.getMetadata().getResourceVersion());
  }

  @Test
  void dryRunSendsNoWatchEvents() {
    List<String> events = new CopyOnWriteArrayList<>();
    try (Watch ignored = client.configMaps().inNamespace("team").watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, ConfigMap resource) {
        events.add(action + " " + resource.getMetadata().getName());
      }

      @Override
      public void onClose(WatcherException cause) {
      }
    })) {
      Await.until(Duration.ofSeconds(5), "the initial ADDED event", () -> events.contains("ADDED existing"));
      client.configMaps().inNamespace("team").resource(Fixtures.configMap("team", "planned", Map.of())).dryRun()
          .create();
      client.configMaps().inNamespace("team").resource(Fixtures.configMap("team", "real", Map.of())).create();
      Await.until(Duration.ofSeconds(5), "the real create's event", () -> events.contains("ADDED real"));
    }

    assertThat(events).doesNotContain("ADDED planned");
  }
}
