package dev.pilothouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilothouse.demo.scenario.TemplateHash;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator playing the scenario's stories forward (each test uses its own part of the scenario). */
class SimulatorScenarioTest {

  private static final ResourceDefinitionContext WORKFLOWS = new ResourceDefinitionContext.Builder()
      .withGroup("argoproj.io").withVersion("v1alpha1").withPlural("workflows").withKind("Workflow")
      .withNamespaced(true).build();
  private static final ResourceDefinitionContext ROLLOUTS = new ResourceDefinitionContext.Builder()
      .withGroup("argoproj.io").withVersion("v1alpha1").withPlural("rollouts").withKind("Rollout")
      .withNamespaced(true).build();

  private static DemoEnvironment demo;
  private static KubernetesClient prod;

  @BeforeAll
  static void start() {
    demo = DemoEnvironment.start(DemoOptions.defaults().withSimulate(false));
    prod = demo.cluster("prod").adminClient();
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  @Test
  void stuckRolloutRecoversWhenUndoneToThePreviousRevision() {
    List<ReplicaSet> sets = prod.apps().replicaSets().inNamespace("ml-serving")
        .withLabel("app.kubernetes.io/name", "llama-3-70b-instruct").list().getItems();
    ReplicaSet previous = sets.stream().min(Comparator.comparing(rs -> rs.getMetadata().getAnnotations()
        .get("deployment.kubernetes.io/revision"))).orElseThrow();
    // What `kubectl rollout undo` does: the previous ReplicaSet's template, without its hash label.
    var template = Serialization.clone(previous.getSpec().getTemplate());
    template.getMetadata().getLabels().remove(TemplateHash.LABEL);
    prod.apps().deployments().inNamespace("ml-serving").withName("llama-3-70b-instruct").edit(d -> {
      d.getSpec().setTemplate(template);
      return d;
    });

    Await.ticks(demo.simulator(), 20, "recovered", () -> {
      Deployment d = prod.apps().deployments().inNamespace("ml-serving").withName("llama-3-70b-instruct").get();
      return d.getStatus().getConditions().stream().anyMatch(c -> c.getReason().equals("NewReplicaSetAvailable"))
          && Integer.valueOf(2).equals(d.getStatus().getAvailableReplicas())
          && Integer.valueOf(2).equals(d.getStatus().getReplicas());
    });

    ReplicaSet reused = prod.apps().replicaSets().inNamespace("ml-serving").withName(previous.getMetadata().getName())
        .get();
    assertThat(reused.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "3");
    assertThat(prod.pods().inNamespace("ml-serving").withLabel("app.kubernetes.io/name", "llama-3-70b-instruct")
        .list().getItems()).hasSize(2).allMatch(p -> p.getStatus().getContainerStatuses().getFirst().getReady());
  }

  @Test
  void workflowAdvancesStepByStepAndFailsAtEvaluate() {
    Await.ticks(demo.simulator(), 30, "the workflow to end", () -> !"Running".equals(phase()));

    GenericKubernetesResource wf = prod.genericKubernetesResources(WORKFLOWS).inNamespace("ml-pipelines")
        .withName("churn-model-training-8xk2p").get();
    Map<String, Map<String, Object>> nodes = wf.get("status", "nodes");
    Map<String, String> phases = new java.util.TreeMap<>();
    nodes.values().forEach(n -> phases.put((String) n.get("displayName"), (String) n.get("phase")));
    assertThat(phase()).isEqualTo("Failed");
    assertThat(phases).containsEntry("train", "Succeeded").containsEntry("evaluate", "Failed")
        .containsEntry("register-model", "Omitted");
    assertThat(wf.getMetadata().getLabels()).containsEntry("workflows.argoproj.io/completed", "true");
    assertThat(prod.pods().inNamespace("ml-pipelines").withLabel("workflows.argoproj.io/workflow",
        "churn-model-training-8xk2p").list().getItems()).anyMatch(p -> p.getMetadata().getName().contains("evaluate")
        && p.getStatus().getPhase().equals("Failed"));
  }

  private static String phase() {
    return prod.genericKubernetesResources(WORKFLOWS).inNamespace("ml-pipelines")
        .withName("churn-model-training-8xk2p").get().get("status", "phase");
  }

  @Test
  void pausedCanaryMovesToTheNextWeightWhenPromoted() {
    prod.genericKubernetesResources(ROLLOUTS).inNamespace("ml-serving").withName("recommender").subresource("status")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"pauseConditions\":null}}");

    Await.ticks(demo.simulator(), 10, "the 50% step's pause", () -> {
      GenericKubernetesResource ro = prod.genericKubernetesResources(ROLLOUTS).inNamespace("ml-serving")
          .withName("recommender").get();
      return ((Number) ro.get("status", "currentStepIndex")).intValue() == 3
          && "Paused".equals(ro.get("status", "phase"));
    });

    List<Integer> sizes = prod.apps().replicaSets().inNamespace("ml-serving")
        .withLabel("app.kubernetes.io/name", "recommender").list().getItems().stream()
        .sorted(Comparator.comparing(rs -> rs.getMetadata().getAnnotations().get("rollout.argoproj.io/revision")))
        .map(rs -> rs.getSpec().getReplicas()).toList();
    assertThat(sizes).containsExactly(2, 3);
  }

  @Test
  void crashLoopBackOffEventsCountUp() {
    int before = backOffCount();

    Await.ticks(demo.simulator(), 12, "more BackOff events", () -> backOffCount() > before);
  }

  private static int backOffCount() {
    return prod.v1().events().inNamespace("ml-serving").withField("reason", "BackOff").list().getItems().stream()
        .filter(e -> e.getInvolvedObject().getName().startsWith("feature-server"))
        .mapToInt(e -> e.getCount()).sum();
  }

  @Test
  void simulatorTicksOnItsOwnWhenResumed() {
    try (DemoEnvironment live = DemoEnvironment.start(new DemoOptions("ml-platform", 0, true,
        Duration.ofMillis(200)))) {
      Await.until(Duration.ofSeconds(20), "two scheduled ticks", () -> live.simulator().ticks() >= 2);
      live.simulator().pause();
      long paused = live.simulator().ticks();

      assertThat(live.simulator().isRunning()).isFalse();
      assertThat(live.simulator().ticks()).isEqualTo(paused);
    }
  }
}
