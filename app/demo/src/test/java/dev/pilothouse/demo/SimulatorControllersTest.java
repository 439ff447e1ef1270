package dev.pilothouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilothouse.demo.scenario.DemoAnnotations;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated controllers on a small cluster, stepped with {@link Simulator#tickNow()}. */
class SimulatorControllersTest {

  private EmulatedCluster cluster;
  private KubernetesClient client;
  private Simulator simulator;

  @BeforeEach
  void start() {
    cluster = startCluster("sim");
    client = cluster.adminClient();
    simulator = new Simulator(List.of(cluster), Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() {
    simulator.shutdown();
    cluster.close();
  }

  static EmulatedCluster startCluster(String name) {
    EmulatedCluster c = EmulatedCluster.start(name, 0);
    c.seed(List.of(Fixtures.namespace("team"), node("node-a"), node("node-b")));
    return c;
  }

  static Node node(String name) {
    return new NodeBuilder().withNewMetadata().withName(name).withCreationTimestamp("2026-01-01T00:00:00Z")
        .endMetadata().withNewSpec().withPodCIDR("10.244.1.0/24").endSpec()
        .withNewStatus()
          .addToCapacity("cpu", new Quantity("8")).addToAllocatable("cpu", new Quantity("8"))
          .addNewCondition().withType("Ready").withStatus("True").endCondition()
        .endStatus().build();
  }

  private Deployment deployment(String name) {
    return client.apps().deployments().inNamespace("team").withName(name).get();
  }

  private List<ReplicaSet> replicaSets(String app) {
    List<ReplicaSet> list = new ArrayList<>(client.apps().replicaSets().inNamespace("team").withLabel("app", app)
        .list().getItems());
    list.sort(Comparator.comparing(rs -> rs.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision")));
    return list;
  }

  private List<Pod> pods(String app) {
    return client.pods().inNamespace("team").withLabel("app", app).list().getItems();
  }

  private boolean available(String name, int replicas) {
    var status = deployment(name).getStatus();
    return status != null && Integer.valueOf(replicas).equals(status.getAvailableReplicas())
        && Integer.valueOf(replicas).equals(status.getUpdatedReplicas())
        && Integer.valueOf(replicas).equals(status.getReplicas());
  }

  @Test
  void newDeploymentGetsAReplicaSetAndRunningReadyPods() {
    client.apps().deployments().inNamespace("team").resource(Fixtures.deployment("team", "web", 3, "nginx:1"))
        .create();

    Await.ticks(simulator, 10, "available", () -> available("web", 3));

    assertThat(replicaSets("web")).singleElement().satisfies(rs -> {
      assertThat(rs.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");
      assertThat(rs.getMetadata().getLabels()).containsKey("pod-template-hash");
    });
    assertThat(pods("web")).hasSize(3).allSatisfy(p -> {
      assertThat(p.getStatus().getPhase()).isEqualTo("Running");
      assertThat(p.getSpec().getNodeName()).startsWith("node-");
      assertThat(p.getStatus().getContainerStatuses().getFirst().getReady()).isTrue();
      assertThat(p.getStatus().getContainerStatuses().getFirst().getState().getRunning().getStartedAt()).isNotNull();
    });
    var progressing = deployment("web").getStatus().getConditions().stream()
        .filter(c -> c.getType().equals("Progressing")).findFirst().orElseThrow();
    assertThat(progressing.getReason()).isEqualTo("NewReplicaSetAvailable");
    assertThat(deployment("web").getStatus().getObservedGeneration()).isEqualTo(1L);
  }

  @Test
  void templateChangeRollsOutThroughANewReplicaSetStepByStep() {
    client.apps().deployments().inNamespace("team").resource(Fixtures.deployment("team", "web", 4, "nginx:1"))
        .create();
    Await.ticks(simulator, 10, "available", () -> available("web", 4));

    client.apps().deployments().inNamespace("team").withName("web").edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().getFirst().setImage("nginx:2");
      return d;
    });
    boolean[] sawBothScaled = {false};
    Await.ticks(simulator, 30, "rolled out", () -> {
      List<ReplicaSet> sets = replicaSets("web");
      sawBothScaled[0] |= sets.size() == 2 && sets.stream().allMatch(rs -> rs.getSpec().getReplicas() > 0);
      return available("web", 4) && pods("web").stream().allMatch(p -> p.getSpec().getContainers().getFirst()
          .getImage().equals("nginx:2"));
    });

    List<ReplicaSet> sets = replicaSets("web");
    assertThat(sawBothScaled[0]).as("old and new ReplicaSets were scaled at the same time").isTrue();
    assertThat(sets).extracting(rs -> rs.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision")
        + ":" + rs.getSpec().getReplicas()).containsExactly("1:0", "2:4");
    assertThat(deployment("web").getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision",
        "2");
    assertThat(deployment("web").getStatus().getObservedGeneration()).isEqualTo(2L);
  }

  @Test
  void pausedDeploymentHoldsItsRolloutUntilResumed() {
    client.apps().deployments().inNamespace("team").resource(Fixtures.deployment("team", "web", 2, "nginx:1"))
        .create();
    Await.ticks(simulator, 10, "available", () -> available("web", 2));

    client.apps().deployments().inNamespace("team").withName("web").edit(d -> {
      d.getSpec().setPaused(true);
      d.getSpec().getTemplate().getSpec().getContainers().getFirst().setImage("nginx:2");
      return d;
    });
    for (int i = 0; i < 4; i++) {
      simulator.tickNow();
    }
    assertThat(replicaSets("web")).hasSize(1);
    assertThat(deployment("web").getStatus().getConditions()).anyMatch(c -> c.getReason().equals("DeploymentPaused"));

    client.apps().deployments().inNamespace("team").withName("web").edit(d -> {
      d.getSpec().setPaused(false);
      return d;
    });
    Await.ticks(simulator, 30, "rolled out after resume", () -> replicaSets("web").size() == 2
        && available("web", 2));
  }

  @Test
  void replicaCountChangesScaleThePods() {
    client.apps().deployments().inNamespace("team").resource(Fixtures.deployment("team", "web", 2, "nginx:1"))
        .create();
    Await.ticks(simulator, 10, "available", () -> available("web", 2));

    client.apps().deployments().inNamespace("team").withName("web").scale(5);
    Await.ticks(simulator, 10, "scaled up", () -> available("web", 5));
    client.apps().deployments().inNamespace("team").withName("web").scale(1);
    Await.ticks(simulator, 10, "scaled down", () -> available("web", 1) && pods("web").size() == 1);

    assertThat(replicaSets("web")).hasSize(1);
  }

  @Test
  void crashLoopingPodKeepsRestarting() {
    Deployment d = Fixtures.deployment("team", "crashy", 1, "crashy:1");
    d.getSpec().getTemplate().getMetadata().setAnnotations(Map.of(DemoAnnotations.FAULT, "crash-loop"));
    client.apps().deployments().inNamespace("team").resource(d).create();
    List<String> states = new ArrayList<>();

    Await.ticks(simulator, 40, "three restarts", () -> {
      var pods = pods("crashy");
      if (pods.isEmpty() || pods.getFirst().getStatus().getContainerStatuses() == null
          || pods.getFirst().getStatus().getContainerStatuses().isEmpty()) {
        return false;
      }
      var status = pods.getFirst().getStatus().getContainerStatuses().getFirst();
      String state = status.getState().getWaiting() != null ? status.getState().getWaiting().getReason() : "Running";
      if (states.isEmpty() || !states.getLast().equals(state)) {
        states.add(state);
      }
      return status.getRestartCount() >= 3;
    });

    var status = pods("crashy").getFirst().getStatus().getContainerStatuses().getFirst();
    assertThat(status.getLastState().getTerminated().getReason()).isEqualTo("Error");
    assertThat(status.getReady()).isFalse();
    assertThat(states).containsSubsequence("Running", "CrashLoopBackOff", "Running", "CrashLoopBackOff");
    var backOff = client.v1().events().inNamespace("team").withField("reason", "BackOff").list().getItems();
    assertThat(backOff).singleElement().satisfies(e -> assertThat(e.getCount()).isGreaterThanOrEqualTo(3));
    assertThat(available("crashy", 1)).isFalse();
  }

  @Test
  void podThatFitsNowhereStaysPendingWithFailedSchedulingEvents() {
    Deployment d = Fixtures.deployment("team", "big", 1, "vllm/vllm-openai:v0.6.4");
    d.getSpec().getTemplate().getSpec().getContainers().getFirst().setResources(
        new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder()
            .addToLimits("nvidia.com/gpu", new Quantity("8")).build());
    client.apps().deployments().inNamespace("team").resource(d).create();

    Await.ticks(simulator, 10, "a repeated FailedScheduling event", () -> client.v1().events().inNamespace("team")
        .withField("reason", "FailedScheduling").list().getItems().stream()
        .anyMatch(e -> e.getCount() >= 2));

    Pod pod = pods("big").getFirst();
    assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(pod.getStatus().getConditions().getFirst().getMessage()).contains("Insufficient nvidia.com/gpu");
  }

  @Test
  void deletingADeploymentCollectsItsReplicaSetsAndPods() {
    client.apps().deployments().inNamespace("team").resource(Fixtures.deployment("team", "web", 2, "nginx:1"))
        .create();
    Await.ticks(simulator, 10, "available", () -> available("web", 2));

    client.apps().deployments().inNamespace("team").withName("web").delete();

    Await.ticks(simulator, 5, "collected", () -> replicaSets("web").isEmpty() && pods("web").isEmpty());
  }

  @Test
  void sameSeedAndStepsGiveTheSamePodNames() {
    EmulatedCluster twin = startCluster("sim");
    Simulator twinSimulator = new Simulator(List.of(twin), Duration.ofSeconds(2));
    try {
      for (var c : List.of(cluster, twin)) {
        c.adminClient().apps().deployments().inNamespace("team")
            .resource(Fixtures.deployment("team", "web", 3, "nginx:1")).create();
      }
      for (int i = 0; i < 3; i++) {
        simulator.tickNow();
        twinSimulator.tickNow();
      }

      assertThat(names(twin)).isEqualTo(names(cluster)).hasSize(3);
    } finally {
      twinSimulator.shutdown();
      twin.close();
    }
  }

  private static List<String> names(EmulatedCluster c) {
    return c.adminClient().pods().inNamespace("team").list().getItems().stream()
        .map(p -> p.getMetadata().getName()).sorted().toList();
  }
}
