package dev.pilothouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilothouse.demo.scenario.ScenarioLoader;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ML workloads of the scenario as the loader produces them: shaped like the objects Argo, Tekton, KServe,
 * Seldon, kagent and ToolHive write, and consistent with each other (references resolve, pods exist).
 */
class MlScenarioTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static ScenarioLoader.Scenario scenario;

  @BeforeAll
  static void load() {
    scenario = ScenarioLoader.load("ml-platform", NOW, Simulator.SEED);
  }

  private static List<GenericKubernetesResource> custom(String cluster, String kind) {
    return scenario.clusters().get(cluster).stream().filter(GenericKubernetesResource.class::isInstance)
        .map(GenericKubernetesResource.class::cast).filter(g -> g.getKind().equals(kind)).toList();
  }

  private static GenericKubernetesResource custom(String cluster, String kind, String name) {
    return custom(cluster, kind).stream().filter(g -> g.getMetadata().getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + cluster));
  }

  private static <T extends HasMetadata> List<T> all(String cluster, Class<T> type) {
    return scenario.clusters().get(cluster).stream().filter(type::isInstance).map(type::cast).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return (List<String>) value;
  }

  private static Map<String, Object> condition(GenericKubernetesResource object, String type) {
    return maps(object.get("status", "conditions")).stream().filter(c -> type.equals(c.get("type"))).findFirst()
        .orElseThrow();
  }

  private static Map<String, Map<String, Object>> nodes(GenericKubernetesResource wf) {
    return wf.get("status", "nodes");
  }

  @Test
  void theRunningDagHasParallelBranchesAndARetriedNode() {
    GenericKubernetesResource wf = custom("prod", "Workflow", "fraud-model-training-t7x2q");
    Map<String, Map<String, Object>> nodes = nodes(wf);
    Map<String, Object> root = nodes.get("fraud-model-training-t7x2q");
    Map<String, Object> retry = nodes.values().stream().filter(n -> "Retry".equals(n.get("type"))).findFirst()
        .orElseThrow();
    List<Map<String, Object>> attempts = strings(retry.get("children")).stream().map(nodes::get).toList();

    assertThat((String) wf.get("status", "phase")).isEqualTo("Running");
    assertThat(root).containsEntry("type", "DAG").containsEntry("phase", "Running");
    assertThat(attempts).extracting(a -> a.get("type") + " " + a.get("displayName") + " " + a.get("phase"))
        .containsExactly("Pod fetch-data(0) Failed", "Pod fetch-data(1) Succeeded");
    assertThat(strings(attempts.get(1).get("children"))).hasSize(3);
    assertThat(nodes.values()).filteredOn(n -> "Pod".equals(n.get("type"))).allSatisfy(n -> assertThat(n)
        .containsKeys("displayName", "templateName", "phase", "startedAt", "boundaryID")
        .containsEntry("boundaryID", "fraud-model-training-t7x2q"));
    assertThat(nodes.values()).filteredOn(n -> "Running".equals(n.get("phase"))).extracting(n -> n.get("displayName"))
        .contains("featurize-merchants");
    assertThat(wf.getMetadata().getAnnotations()).containsEntry("demo.pilothouse.dev/fail-step", "train");
  }

  @Test
  void earlierRunsOfTheSamePipelineSucceededWithOtherParametersAndAnotherTrainerImage() {
    List<GenericKubernetesResource> runs = custom("prod", "Workflow").stream()
        .filter(w -> "fraud-model-training".equals(w.getMetadata().getLabels()
            .get("workflows.argoproj.io/workflow-template"))).toList();
    GenericKubernetesResource current = custom("prod", "Workflow", "fraud-model-training-t7x2q");
    GenericKubernetesResource last = custom("prod", "Workflow", "fraud-model-training-q9v4m");

    assertThat(runs).hasSize(3).allSatisfy(w -> {
      assertThat(w.getMetadata().getGenerateName()).isEqualTo("fraud-model-training-");
      assertThat((String) w.get("spec", "workflowTemplateRef", "name")).isEqualTo("fraud-model-training");
    });
    assertThat(runs).filteredOn(w -> "Succeeded".equals(w.get("status", "phase"))).hasSize(2);
    assertThat(parameters(current)).containsEntry("learning-rate", "0.08");
    assertThat(parameters(last)).containsEntry("learning-rate", "0.05");
    assertThat(image(current, "train")).isEqualTo("registry.example.com/ml/trainer-xgboost:2.1.0");
    assertThat(image(last, "train")).isEqualTo("registry.example.com/ml/trainer-xgboost:2.0.3");
    assertThat(image(current, "validate-data")).isEqualTo(image(last, "validate-data"));
    assertThat(custom("prod", "WorkflowTemplate", "fraud-model-training")).isNotNull();
  }

  private static Map<String, String> parameters(GenericKubernetesResource wf) {
    return maps(wf.get("spec", "arguments", "parameters")).stream().collect(Collectors.toMap(
        p -> (String) p.get("name"), p -> (String) p.get("value")));
  }

  private static String image(GenericKubernetesResource wf, String template) {
    return maps(wf.get("status", "storedWorkflowTemplateSpec", "templates")).stream()
        .filter(t -> template.equals(t.get("name"))).map(t -> (String) map(t.get("container")).get("image"))
        .findFirst().orElseThrow();
  }

  @Test
  void stepPodsCarryArgosLabelsAndAnnotationsAndGarbageCollectedRunsHaveNone() {
    List<Pod> pods = all("prod", Pod.class).stream().filter(p -> "fraud-model-training-t7x2q".equals(
        p.getMetadata().getLabels().get("workflows.argoproj.io/workflow"))).toList();
    Map<String, Map<String, Object>> nodes = nodes(custom("prod", "Workflow", "fraud-model-training-t7x2q"));

    assertThat(pods).hasSize(5).allSatisfy(p -> {
      assertThat(nodes).containsKey(p.getMetadata().getAnnotations().get("workflows.argoproj.io/node-id"));
      assertThat(p.getSpec().getContainers()).extracting(c -> c.getName()).containsExactly("wait", "main");
    });
    assertThat(all("prod", Pod.class)).noneMatch(p -> "fraud-model-training-h4n8z".equals(
        p.getMetadata().getLabels().get("workflows.argoproj.io/workflow")));
    assertThat(all("prod", Pod.class)).filteredOn(p -> "churn-model-training-8xk2p".equals(
        p.getMetadata().getLabels().get("workflows.argoproj.io/workflow"))).isNotEmpty()
        .allSatisfy(p -> assertThat(p.getMetadata().getLabels())
            .containsEntry("pipelines.kubeflow.org/v2_component", "true"));
    GenericKubernetesResource kfp = custom("prod", "Workflow", "churn-model-training-8xk2p");
    assertThat(kfp.getMetadata().getLabels()).containsKey("pipeline/runid");
    assertThat(kfp.getMetadata().getAnnotations()).containsKey("pipelines.kubeflow.org/run_name");
  }

  @Test
  void tektonRunsHaveTaskRunsWithStepsAndPods() {
    GenericKubernetesResource running = custom("prod", "PipelineRun", "deploy-model-run-x7c2n");
    GenericKubernetesResource failed = custom("prod", "PipelineRun", "deploy-model-run-r5t9w");

    assertThat(condition(running, "Succeeded")).containsEntry("status", "Unknown").containsEntry("reason",
        "Running");
    assertThat(condition(failed, "Succeeded")).containsEntry("status", "False").containsEntry("reason", "Failed");
    assertThat(custom("prod", "PipelineRun")).anySatisfy(r -> assertThat(condition(r, "Succeeded"))
        .containsEntry("status", "True"));
    for (GenericKubernetesResource run : custom("prod", "PipelineRun")) {
      for (Map<String, Object> ref : maps(run.get("status", "childReferences"))) {
        GenericKubernetesResource tr = custom("prod", "TaskRun", (String) ref.get("name"));
        String podName = tr.get("status", "podName");
        Pod pod = all("prod", Pod.class).stream().filter(p -> p.getMetadata().getName().equals(podName))
            .findFirst().orElseThrow(() -> new AssertionError("no pod " + podName));
        assertThat(pod.getSpec().getContainers()).extracting(c -> c.getName()).containsExactlyElementsOf(
            maps(tr.get("status", "steps")).stream().map(s -> (String) s.get("container")).toList());
        assertThat(pod.getMetadata().getOwnerReferences().getFirst().getUid()).isEqualTo(tr.getMetadata()
            .getUid());
      }
    }
  }

  @Test
  void theCanaryAndTheBrokenInferenceServiceReportWhatKServeReports() {
    GenericKubernetesResource broken = custom("prod", "InferenceService", "credit-risk");

    assertThat(condition(broken, "IngressReady")).containsEntry("status", "True");
    assertThat(condition(broken, "PredictorReady")).containsEntry("status", "False").containsKeys("reason",
        "message");
    assertThat(map(broken.get("status", "modelStatus", "lastFailureInfo"))).containsEntry("reason",
        "ModelLoadFailed").containsKey("message");
    assertThat(all("prod", Pod.class)).filteredOn(p -> "credit-risk".equals(p.getMetadata().getLabels()
        .get("serving.kserve.io/inferenceservice"))).singleElement().satisfies(p -> assertThat(
            p.getStatus().getContainerStatuses().getFirst().getState().getWaiting().getReason())
            .isEqualTo("CrashLoopBackOff"));
    GenericKubernetesResource canary = custom("prod", "InferenceService", "fraud-scorer");
    assertThat(((Number) canary.get("spec", "predictor", "canaryTrafficPercent")).intValue()).isEqualTo(10);
    assertThat(all("prod", Deployment.class)).extracting(d -> d.getMetadata().getLabels()
        .getOrDefault("serving.knative.dev/revision", "")).contains("fraud-scorer-predictor-00002",
            "fraud-scorer-predictor-00003");
  }

  @Test
  void theSeldonExperimentSplitsBetweenModelsThatExist() {
    GenericKubernetesResource experiment = custom("prod", "Experiment", "income-classifier-ab");
    Set<String> models = custom("prod", "Model").stream().map(m -> m.getMetadata().getName())
        .collect(Collectors.toSet());

    assertThat(models).contains((String) experiment.get("spec", "default"));
    assertThat(maps(experiment.get("spec", "candidates"))).hasSize(2).allSatisfy(c -> {
      assertThat(models).contains((String) c.get("name"));
      assertThat(c.get("weight")).isInstanceOf(Number.class);
    });
    assertThat(condition(experiment, "ExperimentReady")).containsEntry("status", "True");
  }

  @Test
  void agentsReferenceToolServersTheWayKagentResolvesThem() {
    for (String cluster : List.of("prod", "staging")) {
      for (GenericKubernetesResource agent : custom(cluster, "Agent")) {
        for (Map<String, Object> tool : maps(agent.get("spec", "declarative", "tools"))) {
          Map<String, Object> server = map(tool.get("mcpServer"));
          assertThat(server).as(agent.getMetadata().getName()).containsKeys("name", "kind", "apiGroup", "toolNames");
          if ("kagent.dev".equals(server.get("apiGroup"))) {
            assertThat(custom(cluster, (String) server.get("kind"), (String) server.get("name")).getMetadata()
                .getNamespace()).isEqualTo(agent.getMetadata().getNamespace());
          } else {
            // kagent resolves only its own kinds (and Services): it rejects the agent.
            assertThat(condition(agent, "Accepted")).containsEntry("status", "False");
            assertThat((String) condition(agent, "Accepted").get("message")).contains(server.get("kind") + "."
                + server.get("apiGroup"));
          }
        }
      }
    }
    assertThat(custom("prod", "Agent", "github-triage").get("spec", "declarative", "tools").toString())
        .contains("toolhive.stacklok.dev");
  }

  @Test
  void toolHiveServersCoverEveryTransportAndKagentReachesOneThroughItsUrl() {
    List<GenericKubernetesResource> servers = custom("prod", "MCPServer").stream()
        .filter(s -> s.getApiVersion().startsWith("toolhive.stacklok.dev/")).toList();
    Set<String> deployments = all("prod", Deployment.class).stream().map(d -> d.getMetadata().getName())
        .collect(Collectors.toSet());

    assertThat(servers).extracting(s -> (String) s.get("spec", "transport")).contains("stdio", "sse",
        "streamable-http");
    assertThat(servers).allSatisfy(s -> assertThat(deployments).contains(s.getMetadata().getName()));
    GenericKubernetesResource mlflow = custom("prod", "MCPServer", "mlflow");
    assertThat(mlflow.getApiVersion()).isEqualTo("toolhive.stacklok.dev/v1alpha1");
    assertThat(map(mlflow.get("spec", "oidcConfig"))).isNotEmpty();
    assertThat(map(mlflow.get("spec", "authzConfig"))).isNotEmpty();
    assertThat((String) mlflow.get("status", "phase")).isEqualTo("Running");
    URI remote = URI.create(custom("prod", "RemoteMCPServer", "toolhive-mlflow").get("spec", "url"));
    URI proxy = URI.create(mlflow.get("status", "url"));
    assertThat(remote.getHost() + ":" + remote.getPort()).isEqualTo(proxy.getHost() + ":" + proxy.getPort());
    assertThat(maps(custom("prod", "RemoteMCPServer", "prometheus-mcp").get("status", "discoveredTools")))
        .allSatisfy(t -> assertThat(t).containsKeys("name", "description"));
  }

  @Test
  void modelServingDeploymentsNameTheirModelTheSameWayUnderEveryLabel() {
    for (String cluster : List.of("prod", "staging")) {
      for (Deployment d : all(cluster, Deployment.class)) {
        Map<String, String> labels = d.getMetadata().getLabels();
        if (labels.containsKey("ai.gke.io/model") || labels.containsKey("modelregistry.kubeflow.org/model-name")) {
          assertThat(labels.get("modelregistry.kubeflow.org/model-name")).as(cluster + "/" + d.getMetadata()
              .getName()).isEqualTo(labels.get("ai.gke.io/model"));
        }
      }
    }
  }

  @Test
  void stagingHasASucceededAndAFailedWorkflowAnInferenceServiceAnAgentAndAToolHiveServer() {
    assertThat(custom("staging", "Workflow")).extracting(w -> (String) w.get("status", "phase"))
        .contains("Succeeded", "Failed");
    assertThat(custom("staging", "InferenceService")).isNotEmpty();
    assertThat(custom("staging", "Agent")).isNotEmpty();
    assertThat(custom("staging", "ModelConfig")).extracting(m -> m.getMetadata().getName())
        .contains((String) custom("staging", "Agent").getFirst().get("spec", "declarative", "modelConfig"));
    assertThat(custom("staging", "MCPServer")).anyMatch(s -> s.getApiVersion().startsWith("toolhive"));
    assertThat(custom("staging", "PipelineRun")).isEmpty();
    assertThat(custom("staging", "Experiment")).isEmpty();
  }
}
