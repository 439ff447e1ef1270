package dev.pilothouse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilothouse.demo.scenario.ScenarioFile;
import dev.pilothouse.demo.scenario.ScenarioLoader;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ML-platform scenario: sizes, stories and internal consistency of what the loader produces. */
class ScenarioTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static ScenarioLoader.Scenario scenario;

  @BeforeAll
  static void load() {
    scenario = ScenarioLoader.load("ml-platform", NOW, Simulator.SEED);
  }

  private static <T> List<T> all(String cluster, Class<T> type) {
    return scenario.clusters().get(cluster).stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void prodHasSixtyToHundredTwentyPodsAndStagingThirtyToSixty() {
    assertThat(all("prod", Pod.class)).hasSizeBetween(60, 120);
    assertThat(all("staging", Pod.class)).hasSizeBetween(30, 60);
  }

  @Test
  void crdsAreProperV1DefinitionsAndProdOnlyOnesAreMissingInStaging() {
    List<CustomResourceDefinition> prod = all("prod", CustomResourceDefinition.class);
    Set<String> staging = all("staging", CustomResourceDefinition.class).stream()
        .map(c -> c.getMetadata().getName()).collect(Collectors.toSet());

    assertThat(prod).extracting(c -> c.getMetadata().getName()).contains("workflows.argoproj.io",
        "cronworkflows.argoproj.io", "rollouts.argoproj.io", "inferenceservices.serving.kserve.io",
        "pipelineruns.tekton.dev", "taskruns.tekton.dev", "models.mlops.seldon.io", "agents.kagent.dev",
        "mcpservers.kagent.dev", "mcpservers.toolhive.stacklok.dev");
    assertThat(prod).allSatisfy(crd -> {
      var version = crd.getSpec().getVersions().getFirst();
      assertThat(version.getServed()).isTrue();
      assertThat(version.getStorage()).isTrue();
      assertThat(version.getSchema().getOpenAPIV3Schema().getXKubernetesPreserveUnknownFields()).isTrue();
      assertThat(version.getAdditionalPrinterColumns()).isNotEmpty();
      assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    });
    assertThat(staging).doesNotContain("pipelineruns.tekton.dev", "models.mlops.seldon.io")
        .contains("workflows.argoproj.io");
  }

  @Test
  void tektonAndSeldonAreInstalledInProdOnlyTheOtherMlCrdsEverywhere() {
    Set<String> prod = all("prod", CustomResourceDefinition.class).stream().map(c -> c.getMetadata().getName())
        .collect(Collectors.toSet());
    Set<String> staging = all("staging", CustomResourceDefinition.class).stream()
        .map(c -> c.getMetadata().getName()).collect(Collectors.toSet());
    Set<String> prodOnly = Set.of("pipelineruns.tekton.dev", "taskruns.tekton.dev", "models.mlops.seldon.io",
        "servers.mlops.seldon.io", "experiments.mlops.seldon.io");

    assertThat(prod).containsAll(prodOnly).contains("experiments.mlops.seldon.io", "remotemcpservers.kagent.dev",
        "workflowtemplates.argoproj.io");
    assertThat(staging).doesNotContainAnyElementsOf(prodOnly);
    assertThat(staging).isEqualTo(prod.stream().filter(n -> !prodOnly.contains(n)).collect(Collectors.toSet()))
        .contains("workflows.argoproj.io", "inferenceservices.serving.kserve.io", "agents.kagent.dev",
            "remotemcpservers.kagent.dev", "mcpservers.kagent.dev", "mcpservers.toolhive.stacklok.dev");
    CustomResourceDefinition experiments = all("prod", CustomResourceDefinition.class).stream()
        .filter(c -> c.getMetadata().getName().equals("experiments.mlops.seldon.io")).findFirst().orElseThrow();
    assertThat(experiments.getSpec().getNames().getShortNames()).containsExactly("mlx");
    assertThat(experiments.getSpec().getVersions().getFirst().getName()).isEqualTo("v1alpha1");
    assertThat(all("staging", CustomResourceDefinition.class)).allSatisfy(c -> assertThat(
        c.getMetadata().getAnnotations() == null ? Map.of() : c.getMetadata().getAnnotations())
        .doesNotContainKey("demo.pilothouse.dev/clusters"));
  }

  @Test
  void everyPodBelongsToAnOwnerThatSelectsIt() {
    for (String cluster : scenario.clusters().keySet()) {
      Map<String, HasMetadata> byUid = scenario.clusters().get(cluster).stream()
          .collect(Collectors.toMap(o -> o.getMetadata().getUid(), o -> o, (a, b) -> a));
      for (Pod pod : all(cluster, Pod.class)) {
        var owner = pod.getMetadata().getOwnerReferences().getFirst();
        HasMetadata ownerObject = byUid.get(owner.getUid());
        assertThat(ownerObject).as("owner of %s", pod.getMetadata().getName()).isNotNull();
        if (ownerObject instanceof ReplicaSet rs) {
          assertThat(pod.getMetadata().getLabels()).as(pod.getMetadata().getName())
              .containsAllEntriesOf(rs.getSpec().getSelector().getMatchLabels());
        }
      }
    }
  }

  @Test
  void deploymentStatusAgreesWithItsReplicaSetsAndRevisions() {
    List<ReplicaSet> replicaSets = all("prod", ReplicaSet.class);
    for (Deployment d : all("prod", Deployment.class)) {
      List<ReplicaSet> owned = replicaSets.stream().filter(rs -> rs.getMetadata().getOwnerReferences().getFirst()
          .getUid().equals(d.getMetadata().getUid())).toList();
      int podsInReplicaSets = owned.stream().mapToInt(rs -> rs.getStatus().getReplicas()).sum();
      int newest = owned.stream().mapToInt(rs -> Integer.parseInt(rs.getMetadata().getAnnotations()
          .get("deployment.kubernetes.io/revision"))).max().orElseThrow();

      assertThat(d.getStatus().getReplicas()).as(d.getMetadata().getName()).isEqualTo(podsInReplicaSets);
      assertThat(d.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision"))
          .isEqualTo(String.valueOf(newest));
      assertThat(d.getStatus().getObservedGeneration()).isEqualTo(d.getMetadata().getGeneration());
    }
  }

  @Test
  void modelServersCarryTheLabelsTheDomainNotesList() {
    Deployment llama = all("prod", Deployment.class).stream()
        .filter(d -> d.getMetadata().getName().equals("llama-3-8b-instruct")).findFirst().orElseThrow();

    assertThat(llama.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "llama-3-8b-instruct")
        .containsEntry("app.kubernetes.io/component", "model-server")
        .containsEntry("ai.gke.io/inference-server", "vllm")
        .containsKey("app.kubernetes.io/version").containsKey("ai.gke.io/model");
  }

  @Test
  void gpuPodsRunOnGpuNodesAndTheOversizedOneIsPending() {
    Map<String, Node> nodes = all("prod", Node.class).stream()
        .collect(Collectors.toMap(n -> n.getMetadata().getName(), n -> n));
    List<Pod> gpuPods = all("prod", Pod.class).stream().filter(p -> p.getSpec().getContainers().stream()
        .anyMatch(c -> c.getResources() != null && c.getResources().getLimits() != null
            && c.getResources().getLimits().containsKey("nvidia.com/gpu"))).toList();

    assertThat(gpuPods).hasSizeGreaterThan(10);
    for (Pod pod : gpuPods) {
      if (pod.getMetadata().getName().startsWith("mixtral-8x22b-instruct")) {
        assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(pod.getStatus().getConditions().getFirst().getReason()).isEqualTo("Unschedulable");
      } else {
        Node node = nodes.get(pod.getSpec().getNodeName());
        assertThat(node.getStatus().getAllocatable().get("nvidia.com/gpu").getAmount()).isEqualTo("8");
      }
    }
  }

  @Test
  void prodHasAnUnhealthyNodeAndGpuNodesAreTainted() {
    List<Node> nodes = all("prod", Node.class);

    assertThat(nodes).anyMatch(n -> n.getStatus().getConditions().stream().anyMatch(c ->
        c.getType().equals("Ready") && !c.getStatus().equals("True")));
    assertThat(nodes).anyMatch(n -> n.getStatus().getConditions().stream().anyMatch(c ->
        c.getType().equals("MemoryPressure") && c.getStatus().equals("True")));
    assertThat(nodes.stream().filter(n -> "true".equals(n.getMetadata().getLabels().get("nvidia.com/gpu.present"))))
        .allMatch(n -> n.getSpec().getTaints().stream().anyMatch(t -> t.getKey().equals("nvidia.com/gpu")));
  }

  @Test
  void theStoriesAreThere() {
    List<Pod> pods = all("prod", Pod.class);

    assertThat(pods).anyMatch(p -> p.getStatus().getContainerStatuses() != null && p.getStatus()
        .getContainerStatuses().stream().anyMatch(c -> c.getState().getWaiting() != null
            && "CrashLoopBackOff".equals(c.getState().getWaiting().getReason())));
    assertThat(pods).anyMatch(p -> p.getMetadata().getName().startsWith("llama-finetune-support-v3")
        && p.getStatus().getContainerStatuses().getFirst().getState().getTerminated().getReason()
            .equals("OOMKilled"));
    Deployment stuck = all("prod", Deployment.class).stream()
        .filter(d -> d.getMetadata().getName().equals("llama-3-70b-instruct")).findFirst().orElseThrow();
    assertThat(stuck.getStatus().getConditions()).anyMatch(c -> c.getReason().equals("ProgressDeadlineExceeded"));
    GenericKubernetesResource rollout = all("prod", GenericKubernetesResource.class).stream()
        .filter(g -> g.getKind().equals("Rollout")).findFirst().orElseThrow();
    assertThat((String) rollout.get("status", "phase")).isEqualTo("Paused");
  }

  @Test
  void warningEventsOfEveryKindReferToObjectsThatExist() {
    Set<String> uids = scenario.clusters().get("prod").stream().map(o -> o.getMetadata().getUid())
        .collect(Collectors.toSet());
    List<Event> warnings = all("prod", Event.class).stream().filter(e -> e.getType().equals("Warning")).toList();

    assertThat(warnings).extracting(Event::getReason).contains("BackOff", "OOMKilling", "FailedScheduling",
        "Unhealthy");
    assertThat(warnings).allMatch(e -> uids.contains(e.getInvolvedObject().getUid()));
    assertThat(warnings).allMatch(e -> !Instant.parse(e.getLastTimestamp()).isAfter(NOW)
        && Instant.parse(e.getLastTimestamp()).isAfter(NOW.minus(Duration.ofDays(1))));
  }

  @Test
  void loadingIsDeterministic() {
    var again = ScenarioLoader.load("ml-platform", NOW, Simulator.SEED);

    assertThat(names(again.clusters().get("prod"))).isEqualTo(names(scenario.clusters().get("prod")));
  }

  @Test
  void timeTokensAreRelativeToLoadTime() {
    var objects = ScenarioFile.parse("test.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
          creationTimestamp: "${now-5m}"
        data:
          later: "${now+2h}"
          now: "${now}"
        """, NOW);

    var cm = (io.fabric8.kubernetes.api.model.ConfigMap) objects.getFirst();
    assertThat(cm.getMetadata().getCreationTimestamp()).isEqualTo("2026-03-01T11:55:00Z");
    assertThat(cm.getData()).containsEntry("later", "2026-03-01T14:00:00Z").containsEntry("now",
        "2026-03-01T12:00:00Z");
  }

  @Test
  void mistakesInAScenarioFileNameTheFileDocumentAndLine() {
    assertThatThrownBy(() -> ScenarioFile.parse("broken.yaml", """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: fine
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: bad
          creationTimestamp: "${yesterday}"
        """, NOW)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broken.yaml:10")
        .hasMessageContaining("${yesterday}");
    assertThatThrownBy(() -> ScenarioFile.parse("broken.yaml", "apiVersion: v1\nmetadata: {name: x}\n", NOW))
        .hasMessageContaining("broken.yaml, document 1 (line 1): missing 'kind'");
  }

  private static List<String> names(List<HasMetadata> objects) {
    return objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getNamespace() + "/"
        + o.getMetadata().getName()).filter(Objects::nonNull).toList();
  }
}
