package dev.pilothouse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CRUD semantics of the emulated API server, through the Fabric8 client. */
class CrudTest {

  private static final ResourceDefinitionContext WIDGETS = new ResourceDefinitionContext.Builder()
      .withGroup("example.com").withVersion("v1").withPlural("widgets").withKind("Widget").withNamespaced(true)
      .build();

  private EmulatedCluster cluster;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    cluster = EmulatedCluster.start("crud", 0);
    client = cluster.adminClient();
    client.namespaces().resource(Fixtures.namespace("team")).create();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void createsGetsUpdatesAndDeletesCoreAppsAndBatchKinds() {
    client.configMaps().inNamespace("team").resource(Fixtures.configMap("team", "settings", Map.of())).create();
    client.apps().deployments().inNamespace("team").resource(Fixtures.deployment("team", "web", 2, "nginx:1"))
        .create();
    client.batch().v1().jobs().inNamespace("team").resource(new JobBuilder().withNewMetadata().withName("once")
        .endMetadata().withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("c")
        .withImage("busybox").endContainer().withRestartPolicy("Never").endSpec().endTemplate().endSpec().build())
        .create();

    client.configMaps().inNamespace("team").withName("settings").edit(cm -> {
      cm.getData().put("key", "changed");
      return cm;
    });

    assertThat(client.configMaps().inNamespace("team").withName("settings").get().getData())
        .containsEntry("key", "changed");
    assertThat(client.apps().deployments().inNamespace("team").withName("web").get().getSpec().getReplicas())
        .isEqualTo(2);
    assertThat(client.batch().v1().jobs().inNamespace("team").list().getItems()).hasSize(1);
    client.apps().deployments().inNamespace("team").withName("web").delete();
    assertThat(client.apps().deployments().inNamespace("team").withName("web").get()).isNull();
  }

  @Test
  void customResourcesAreServedOnlyWhileTheirCrdExists() {
    GenericKubernetesResource widget = new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1")
        .withKind("Widget").withNewMetadata().withName("w1").withNamespace("team").endMetadata()
        .addToAdditionalProperties("spec", Map.of("size", 3)).build();
    assertThatThrownBy(() -> client.genericKubernetesResources(WIDGETS).inNamespace("team").resource(widget).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));

    client.apiextensions().v1().customResourceDefinitions().resource(Fixtures.widgetCrd()).create();
    client.genericKubernetesResources(WIDGETS).inNamespace("team").resource(widget).create();

    GenericKubernetesResource stored = client.genericKubernetesResources(WIDGETS).inNamespace("team").withName("w1")
        .get();
    assertThat(stored.get("spec", "size").toString()).isEqualTo("3");
    assertThat(client.genericKubernetesResources(WIDGETS).inAnyNamespace().list().getItems()).hasSize(1);

    client.apiextensions().v1().customResourceDefinitions().withName("widgets.example.com").delete();
    assertThatThrownBy(() -> client.genericKubernetesResources(WIDGETS).inNamespace("team").list())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
  }

  @Test
  void createdCrdIsEstablished() {
    var crd = client.apiextensions().v1().customResourceDefinitions().resource(Fixtures.widgetCrd()).create();

    assertThat(crd.getStatus().getConditions()).anyMatch(c -> c.getType().equals("Established")
        && c.getStatus().equals("True"));
  }

  @Test
  void creatingInAMissingNamespaceIsNotFound() {
    assertThatThrownBy(() -> client.configMaps().inNamespace("nowhere")
        .resource(Fixtures.configMap("nowhere", "x", Map.of())).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(404);
          assertThat(e.getStatus().getMessage()).isEqualTo("namespaces \"nowhere\" not found");
        });
  }

  @Test
  void creatingAnExistingObjectConflicts() {
    client.configMaps().inNamespace("team").resource(Fixtures.configMap("team", "a", Map.of())).create();

    assertThatThrownBy(() -> client.configMaps().inNamespace("team")
        .resource(Fixtures.configMap("team", "a", Map.of())).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(409);
          assertThat(e.getStatus().getReason()).isEqualTo("AlreadyExists");
        });
  }

  @Test
  void updateWithAStaleResourceVersionConflicts() {
    var created = client.configMaps().inNamespace("team").resource(Fixtures.configMap("team", "a", Map.of()))
        .create();
    client.configMaps().inNamespace("team").withName("a").edit(cm -> {
      cm.getData().put("key", "first");
      return cm;
    });
    created.getData().put("key", "second");

    assertThatThrownBy(() -> client.configMaps().inNamespace("team").resource(created).update())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void statusIsASubresourceOfBuiltInKinds() {
    var created = client.apps().deployments().inNamespace("team")
        .resource(Fixtures.deployment("team", "web", 1, "nginx:1")).create();
    created.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withReplicas(7).build());
    var afterUpdate = client.apps().deployments().inNamespace("team").resource(created).update();
    assertThat(afterUpdate.getStatus() == null ? null : afterUpdate.getStatus().getReplicas()).isNull();

    afterUpdate.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withReplicas(7).build());
    var afterStatus = client.apps().deployments().inNamespace("team").resource(afterUpdate).updateStatus();

    assertThat(afterStatus.getStatus().getReplicas()).isEqualTo(7);
  }

  @Test
  void newPodStartsPendingWithAQosClass() {
    Pod pod = Fixtures.pod("team", "p");
    pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Running").build());

    Pod created = client.pods().inNamespace("team").resource(pod).create();

    assertThat(created.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(created.getStatus().getQosClass()).isEqualTo("BestEffort");
  }

  @Test
  void generationCountsSpecChangesOnly() {
    client.apps().deployments().inNamespace("team").resource(Fixtures.deployment("team", "web", 1, "nginx:1"))
        .create();
    client.apps().deployments().inNamespace("team").withName("web").edit(d -> {
      d.getMetadata().setLabels(Map.of("tier", "front"));
      return d;
    });
    assertThat(client.apps().deployments().inNamespace("team").withName("web").get().getMetadata().getGeneration())
        .isEqualTo(1);

    client.apps().deployments().inNamespace("team").withName("web").scale(3);

    assertThat(client.apps().deployments().inNamespace("team").withName("web").get().getMetadata().getGeneration())
        .isEqualTo(2);
  }

  @Test
  void generateNameGetsARandomSuffix() {
    var cm = Fixtures.configMap("team", null, Map.of());
    cm.getMetadata().setGenerateName("report-");

    var created = client.configMaps().inNamespace("team").resource(cm).create();

    assertThat(created.getMetadata().getName()).matches("report-[bcdfghjklmnpqrstvwxz2456789]{5}");
  }

  @Test
  void strategicMergePatchMergesContainersByName() {
    client.pods().inNamespace("team").resource(Fixtures.pod("team", "p", "app", "sidecar")).create();

    client.pods().inNamespace("team").withName("p").patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
        "{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"image\":\"registry.example.com/sidecar:2.0\"}]}}");

    var containers = client.pods().inNamespace("team").withName("p").get().getSpec().getContainers();
    assertThat(containers).extracting(c -> c.getName() + "=" + c.getImage())
        .containsExactly("app=registry.example.com/app:1.0", "sidecar=registry.example.com/sidecar:2.0");
  }

  @Test
  void jsonMergePatchReplacesLists() {
    client.pods().inNamespace("team").resource(Fixtures.pod("team", "p", "app", "sidecar")).create();

    client.pods().inNamespace("team").withName("p").patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"metadata\":{\"labels\":{\"app\":null,\"tier\":\"db\"}}}");

    assertThat(client.pods().inNamespace("team").withName("p").get().getMetadata().getLabels())
        .isEqualTo(Map.of("tier", "db"));
  }

  @Test
  void scaleSubresourceChangesOnlyTheReplicaCount() {
    client.apps().deployments().inNamespace("team").resource(Fixtures.deployment("team", "web", 1, "nginx:1"))
        .create();

    var scale = client.apps().deployments().inNamespace("team").withName("web").scale();
    client.apps().deployments().inNamespace("team").withName("web").scale(4);

    var deployment = client.apps().deployments().inNamespace("team").withName("web").get();
    assertThat(scale.getSpec().getReplicas()).isEqualTo(1);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(4);
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
        .isEqualTo("nginx:1");
  }

  @Test
  void finalizersHoldADeletedObjectUntilRemoved() {
    var cm = Fixtures.configMap("team", "held", Map.of());
    cm.getMetadata().setFinalizers(List.of("example.com/cleanup"));
    client.configMaps().inNamespace("team").resource(cm).create();

    client.configMaps().inNamespace("team").withName("held").delete();
    var marked = client.configMaps().inNamespace("team").withName("held").get();
    assertThat(marked.getMetadata().getDeletionTimestamp()).isNotNull();

    client.configMaps().inNamespace("team").withName("held").edit(c -> {
      c.getMetadata().setFinalizers(List.of());
      return c;
    });
    assertThat(client.configMaps().inNamespace("team").withName("held").get()).isNull();
  }
}
