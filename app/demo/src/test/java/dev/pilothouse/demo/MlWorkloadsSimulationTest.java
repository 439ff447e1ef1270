package dev.pilothouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ML workloads of the prod scenario moving through their lifecycles under the simulator: an Argo DAG, a Tekton
 * PipelineRun, a KServe canary and a ToolHive server. Each test starts its own environment, so tick counts start
 * at zero.
 */
class MlWorkloadsSimulationTest {

  private static final ResourceDefinitionContext WORKFLOWS = crd("argoproj.io", "v1alpha1", "workflows", "Workflow");
  private static final ResourceDefinitionContext PIPELINE_RUNS = crd("tekton.dev", "v1", "pipelineruns",
      "PipelineRun");
  private static final ResourceDefinitionContext TASK_RUNS = crd("tekton.dev", "v1", "taskruns", "TaskRun");
  private static final ResourceDefinitionContext ISVCS = crd("serving.kserve.io", "v1beta1", "inferenceservices",
      "InferenceService");
  private static final ResourceDefinitionContext TOOLHIVE = crd("toolhive.stacklok.dev", "v1alpha1", "mcpservers",
      "MCPServer");
  private static final ResourceDefinitionContext REMOTE_MCP = crd("kagent.dev", "v1alpha2", "remotemcpservers",
      "RemoteMCPServer");

  private DemoEnvironment demo;
  private KubernetesClient prod;

  @BeforeEach
  void start() {
    demo = DemoEnvironment.start(DemoOptions.defaults().withSimulate(false));
    prod = demo.cluster("prod").adminClient();
  }

  @AfterEach
  void stop() {
    demo.close();
  }

  private static ResourceDefinitionContext crd(String group, String version, String plural, String kind) {
    return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withPlural(plural)
        .withKind(kind).withNamespaced(true).build();
  }

  private GenericKubernetesResource get(ResourceDefinitionContext type, String namespace, String name) {
    return prod.genericKubernetesResources(type).inNamespace(namespace).withName(name).get();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  private static List<String> ids(Object list) {
    return ((List<?>) list).stream().map(String::valueOf).toList();
  }

  private static Map<String, Object> condition(GenericKubernetesResource object, String type) {
    List<Map<String, Object>> conditions = maps(object.get("status", "conditions"));
    return conditions.stream().filter(c -> type.equals(c.get("type"))).findFirst().orElseThrow();
  }

  // ---------------------------------------------------------------- Argo DAG

  private GenericKubernetesResource dag() {
    return get(WORKFLOWS, "ml-pipelines", "fraud-model-training-t7x2q");
  }

  private static Map<String, Object> node(GenericKubernetesResource wf, String displayName) {
    Map<String, Map<String, Object>> nodes = wf.get("status", "nodes");
    return nodes.values().stream().filter(n -> displayName.equals(n.get("displayName"))).findFirst().orElseThrow();
  }

  @Test
  void dagWorkflowJoinsItsBranchesIntoTrainWhichFails() {
    Await.ticks(demo.simulator(), 40, "the DAG to end", () -> !"Running".equals(dag().get("status", "phase")));

    GenericKubernetesResource wf = dag();
    Map<String, Object> merchants = node(wf, "featurize-merchants");
    Map<String, Object> train = node(wf, "train");
    assertThat((String) wf.get("status", "phase")).isEqualTo("Failed");
    assertThat((String) wf.get("status", "message")).isEqualTo("child '" + train.get("id") + "' failed");
    assertThat(merchants.get("phase")).isEqualTo("Succeeded");
    assertThat(train).containsEntry("type", "Pod").containsEntry("phase", "Failed")
        .containsEntry("id", "fraud-model-training-t7x2q-2261331401")
        .containsEntry("boundaryID", "fraud-model-training-t7x2q").containsEntry("templateName", "train");
    assertThat(Instant.parse((String) train.get("startedAt")))
        .isAfterOrEqualTo(Instant.parse((String) merchants.get("finishedAt")));
    for (String branch : List.of("validate-data", "featurize-transactions", "featurize-merchants")) {
      assertThat(ids(node(wf, branch).get("children"))).as(branch).contains(String.valueOf(train.get("id")));
    }
    assertThat(node(wf, "evaluate")).containsEntry("phase", "Omitted").containsEntry("type", "Skipped");
    assertThat(node(wf, "register-model")).containsEntry("phase", "Omitted");
    assertThat(ids(train.get("children"))).contains(String.valueOf(node(wf, "evaluate").get("id")));
    assertThat(node(wf, "fetch-data")).containsEntry("type", "Retry").containsEntry("phase", "Succeeded");
    assertThat(wf.getMetadata().getLabels()).containsEntry("workflows.argoproj.io/phase", "Failed")
        .containsEntry("workflows.argoproj.io/completed", "true");
    assertThat((String) wf.get("status", "progress")).isEqualTo("6/6");

    Pod pod = prod.pods().inNamespace("ml-pipelines").withLabel("workflows.argoproj.io/workflow",
        "fraud-model-training-t7x2q").list().getItems().stream()
        .filter(p -> train.get("id").equals(p.getMetadata().getAnnotations().get("workflows.argoproj.io/node-id")))
        .findFirst().orElseThrow();
    assertThat(pod.getStatus().getPhase()).isEqualTo("Failed");
    assertThat(pod.getSpec().getContainers()).extracting(c -> c.getName()).containsExactly("wait", "main");
    assertThat(pod.getSpec().getContainers().get(1).getArgs()).contains("--learning-rate=0.08");
    String log = prod.pods().inNamespace("ml-pipelines").withName(pod.getMetadata().getName()).inContainer("main")
        .getLog();
    assertThat(log).contains("learning_rate=0.08", "training diverged");
  }

  @Test
  void dagWorkflowStartsTrainOnlyOnceEveryBranchIsDone() {
    boolean[] trainBeforeJoin = {false};
    Await.ticks(demo.simulator(), 40, "train to start", () -> {
      GenericKubernetesResource wf = dag();
      Map<String, Map<String, Object>> nodes = wf.get("status", "nodes");
      boolean trainStarted = nodes.values().stream().anyMatch(n -> "train".equals(n.get("displayName")));
      trainBeforeJoin[0] |= trainStarted && !"Succeeded".equals(node(wf, "featurize-merchants").get("phase"));
      return trainStarted;
    });

    assertThat(trainBeforeJoin[0]).as("train started before featurize-merchants succeeded").isFalse();
    assertThat(node(dag(), "train")).containsEntry("phase", "Running");
  }

  // ---------------------------------------------------------------- Tekton

  private GenericKubernetesResource pipelineRun(String name) {
    return get(PIPELINE_RUNS, "ml-pipelines", name);
  }

  @Test
  void pipelineRunRunsItsTasksInOrderUntilItSucceeds() {
    Await.ticks(demo.simulator(), 60, "the PipelineRun to end", () -> !"Unknown".equals(condition(
        pipelineRun("deploy-model-run-x7c2n"), "Succeeded").get("status")));

    GenericKubernetesResource run = pipelineRun("deploy-model-run-x7c2n");
    assertThat(condition(run, "Succeeded")).containsEntry("status", "True").containsEntry("reason", "Succeeded")
        .containsEntry("message", "Tasks Completed: 4 (Failed: 0, Cancelled 0), Skipped: 0");
    assertThat(maps(run.get("status", "childReferences"))).extracting(r -> r.get("pipelineTaskName"))
        .containsExactly("validate", "build-serving-image", "smoke-test", "canary-rollout");
    GenericKubernetesResource build = get(TASK_RUNS, "ml-pipelines", "deploy-model-run-x7c2n-build-serving-image");
    GenericKubernetesResource smoke = get(TASK_RUNS, "ml-pipelines", "deploy-model-run-x7c2n-smoke-test");
    assertThat(Instant.parse(smoke.getMetadata().getCreationTimestamp()))
        .isAfterOrEqualTo(Instant.parse((String) build.get("status", "completionTime")));
    assertThat(smoke.getMetadata().getLabels()).containsEntry("tekton.dev/pipelineRun", "deploy-model-run-x7c2n")
        .containsEntry("tekton.dev/pipelineTask", "smoke-test").containsEntry("tekton.dev/pipeline", "deploy-model");
    assertThat(condition(smoke, "Succeeded")).containsEntry("status", "True");
    assertThat(maps(smoke.get("status", "steps"))).singleElement().satisfies(step -> {
      assertThat(step).containsEntry("name", "run-smoke-test").containsEntry("container", "step-run-smoke-test");
      assertThat(map(step.get("terminated"))).containsEntry("exitCode", 0).containsEntry("reason", "Completed");
    });
    String podName = smoke.get("status", "podName");
    Pod pod = prod.pods().inNamespace("ml-pipelines").withName(podName).get();
    assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(pod.getMetadata().getLabels()).containsEntry("tekton.dev/taskRun", smoke.getMetadata().getName());
    assertThat(prod.pods().inNamespace("ml-pipelines").withName(podName).inContainer("step-run-smoke-test").getLog())
        .contains("smoke test passed");
  }

  @Test
  void taskRunStepsFinishOneAfterTheOther() {
    GenericKubernetesResource first = get(TASK_RUNS, "ml-pipelines", "deploy-model-run-x7c2n-build-serving-image");
    assertThat(maps(first.get("status", "steps"))).allSatisfy(s -> assertThat(s).containsKey("running"));

    Await.ticks(demo.simulator(), 10, "the first step to end", () -> maps(get(TASK_RUNS, "ml-pipelines",
        "deploy-model-run-x7c2n-build-serving-image").get("status", "steps")).getFirst().containsKey("terminated"));

    GenericKubernetesResource tr = get(TASK_RUNS, "ml-pipelines", "deploy-model-run-x7c2n-build-serving-image");
    assertThat(maps(tr.get("status", "steps")).get(1)).containsKey("running");
    assertThat(condition(tr, "Succeeded")).containsEntry("status", "Unknown").containsEntry("reason", "Running");
  }

  @Test
  void cancellingThePipelineRunCancelsItsRunningTaskRunAndStartsNoOther() {
    prod.genericKubernetesResources(PIPELINE_RUNS).inNamespace("ml-pipelines").withName("deploy-model-run-x7c2n")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"status\":\"Cancelled\"}}");

    Await.ticks(demo.simulator(), 3, "the run to be cancelled", () -> "False".equals(condition(
        pipelineRun("deploy-model-run-x7c2n"), "Succeeded").get("status")) && "False".equals(condition(get(
            TASK_RUNS, "ml-pipelines", "deploy-model-run-x7c2n-build-serving-image"), "Succeeded").get("status")));
    for (int i = 0; i < 10; i++) {
      demo.simulator().tickNow();
    }

    GenericKubernetesResource run = pipelineRun("deploy-model-run-x7c2n");
    assertThat(condition(run, "Succeeded")).containsEntry("reason", "Cancelled")
        .containsEntry("message", "PipelineRun \"deploy-model-run-x7c2n\" was cancelled");
    assertThat((String) run.get("status", "completionTime")).isNotNull();
    assertThat(maps(run.get("status", "childReferences"))).hasSize(2);
    GenericKubernetesResource build = get(TASK_RUNS, "ml-pipelines", "deploy-model-run-x7c2n-build-serving-image");
    assertThat((String) build.get("spec", "status")).isEqualTo("TaskRunCancelled");
    assertThat(condition(build, "Succeeded")).containsEntry("reason", "TaskRunCancelled");
    assertThat((String) condition(build, "Succeeded").get("message")).contains("was cancelled",
        "TaskRun cancelled as the PipelineRun it belongs to has been cancelled.");
    assertThat(maps(build.get("status", "steps"))).allSatisfy(s -> assertThat(map(s.get("terminated")))
        .containsKey("exitCode"));
    assertThat(maps(build.get("status", "steps"))).anySatisfy(s -> assertThat(map(s.get("terminated")))
        .containsEntry("reason", "TaskRunCancelled"));
    assertThat(prod.pods().inNamespace("ml-pipelines").withName("deploy-model-run-x7c2n-build-serving-image-pod")
        .get()).isNull();
    assertThat(get(TASK_RUNS, "ml-pipelines", "deploy-model-run-x7c2n-smoke-test")).isNull();
  }

  @Test
  void aTaskRunCancelledOnItsOwnEndsCancelled() {
    prod.genericKubernetesResources(TASK_RUNS).inNamespace("ml-pipelines")
        .withName("deploy-model-run-x7c2n-build-serving-image")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"status\":\"TaskRunCancelled\"}}");

    Await.ticks(demo.simulator(), 2, "the TaskRun to be cancelled", () -> "False".equals(condition(get(TASK_RUNS,
        "ml-pipelines", "deploy-model-run-x7c2n-build-serving-image"), "Succeeded").get("status")));
    Await.ticks(demo.simulator(), 3, "the run to fail", () -> "False".equals(condition(
        pipelineRun("deploy-model-run-x7c2n"), "Succeeded").get("status")));

    assertThat(condition(get(TASK_RUNS, "ml-pipelines", "deploy-model-run-x7c2n-build-serving-image"), "Succeeded"))
        .containsEntry("reason", "TaskRunCancelled")
        .containsEntry("message", "TaskRun \"deploy-model-run-x7c2n-build-serving-image\" was cancelled.");
    assertThat(condition(pipelineRun("deploy-model-run-x7c2n"), "Succeeded")).containsEntry("reason", "Failed")
        .containsEntry("message", "Tasks Completed: 2 (Failed: 0, Cancelled 1), Skipped: 2");
  }

  // ---------------------------------------------------------------- KServe canary

  private Map<String, Object> predictor() {
    return map(map(get(ISVCS, "ml-serving", "fraud-scorer").get("status", "components")).get("predictor"));
  }

  private void patchCanary(String patch) {
    prod.genericKubernetesResources(ISVCS).inNamespace("ml-serving").withName("fraud-scorer")
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }

  private Integer replicas(String revision) {
    return prod.apps().deployments().inNamespace("ml-serving").withName(revision + "-deployment").get().getSpec()
        .getReplicas();
  }

  private boolean caughtUp() {
    GenericKubernetesResource isvc = get(ISVCS, "ml-serving", "fraud-scorer");
    return Objects.equals(((Number) isvc.get("status", "observedGeneration")).longValue(),
        isvc.getMetadata().getGeneration());
  }

  @Test
  void canaryStartsAtTenPercentOnTheLatestRevision() {
    assertThat(predictor()).containsEntry("latestReadyRevision", "fraud-scorer-predictor-00003")
        .containsEntry("latestCreatedRevision", "fraud-scorer-predictor-00003")
        .containsEntry("latestRolledoutRevision", "fraud-scorer-predictor-00002")
        .containsEntry("previousRolledoutRevision", "fraud-scorer-predictor-00001");
    assertThat(maps(predictor().get("traffic"))).extracting(t -> t.get("revisionName") + " " + t.get("percent") + " "
        + t.get("latestRevision") + " " + t.get("tag")).containsExactly(
            "fraud-scorer-predictor-00002 90 false prev", "fraud-scorer-predictor-00003 10 true latest");
  }

  @Test
  void promotingTheCanaryMovesAllTrafficToItAndScalesTheOldRevisionDown() {
    patchCanary("{\"spec\":{\"predictor\":{\"canaryTrafficPercent\":100}}}");

    Await.ticks(demo.simulator(), 3, "the controller to catch up", this::caughtUp);

    assertThat(maps(predictor().get("traffic"))).singleElement().satisfies(t -> assertThat(t)
        .containsEntry("revisionName", "fraud-scorer-predictor-00003").containsEntry("percent", 100)
        .containsEntry("latestRevision", true));
    assertThat(predictor()).containsEntry("latestRolledoutRevision", "fraud-scorer-predictor-00003")
        .containsEntry("previousRolledoutRevision", "fraud-scorer-predictor-00002");
    assertThat(replicas("fraud-scorer-predictor-00002")).isZero();
    assertThat(replicas("fraud-scorer-predictor-00003")).isEqualTo(2);
  }

  @Test
  void removingTheCanaryPercentAlsoPromotes() {
    patchCanary("{\"spec\":{\"predictor\":{\"canaryTrafficPercent\":null}}}");

    Await.ticks(demo.simulator(), 3, "the controller to catch up", this::caughtUp);

    assertThat(maps(predictor().get("traffic"))).extracting(t -> t.get("revisionName") + " " + t.get("percent"))
        .containsExactly("fraud-scorer-predictor-00003 100");
  }

  @Test
  void rollingBackSendsAllTrafficToThePreviousRevision() {
    patchCanary("{\"spec\":{\"predictor\":{\"canaryTrafficPercent\":0}}}");

    Await.ticks(demo.simulator(), 3, "the controller to catch up", this::caughtUp);

    assertThat(maps(predictor().get("traffic"))).extracting(t -> t.get("revisionName") + " " + t.get("percent") + " "
        + t.get("tag")).containsExactly("fraud-scorer-predictor-00002 100 prev",
            "fraud-scorer-predictor-00003 0 latest");
    assertThat(predictor()).containsEntry("latestRolledoutRevision", "fraud-scorer-predictor-00002");
    assertThat(replicas("fraud-scorer-predictor-00003")).isZero();
    assertThat(replicas("fraud-scorer-predictor-00002")).isEqualTo(2);
  }

  @Test
  void aLargerCanarySplitsTheTrafficAgain() {
    patchCanary("{\"spec\":{\"predictor\":{\"canaryTrafficPercent\":40}}}");

    Await.ticks(demo.simulator(), 3, "the controller to catch up", this::caughtUp);

    assertThat(maps(predictor().get("traffic"))).extracting(t -> t.get("percent")).containsExactly(60, 40);
  }

  // ---------------------------------------------------------------- ToolHive and kagent

  private GenericKubernetesResource mlflow() {
    return get(TOOLHIVE, "ml-agents", "mlflow");
  }

  private Pod mlflowPod() {
    return prod.pods().inNamespace("ml-agents").withLabel("toolhive.stacklok.io/mcpserver", "mlflow").list()
        .getItems().getFirst();
  }

  @Test
  void toolHiveServerBecomesNotReadyAtTickFifteenAndKeepsCrashing() {
    for (int tick = 1; tick < 15; tick++) {
      demo.simulator().tickNow();
    }
    assertThat((String) mlflow().get("status", "phase")).as("after 14 ticks").isEqualTo("Running");
    assertThat(condition(mlflow(), "Ready")).containsEntry("status", "True");

    demo.simulator().tickNow();

    GenericKubernetesResource server = mlflow();
    assertThat((String) server.get("status", "phase")).isEqualTo("Failed");
    assertThat((String) server.get("status", "message")).startsWith("Deployment mlflow has 0/1 ready replicas: "
        + "back-off restarting failed container mcp in pod mlflow-");
    assertThat(condition(server, "Ready")).containsEntry("status", "False").containsEntry("reason",
        "DeploymentNotReady");
    assertThat((String) server.get("status", "url")).isEqualTo(
        "http://mcp-mlflow-proxy.ml-agents.svc.cluster.local:8080/sse");
    var container = mlflowPod().getStatus().getContainerStatuses().getFirst();
    assertThat(container.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
    assertThat(container.getRestartCount()).isEqualTo(1);
    GenericKubernetesResource remote = get(REMOTE_MCP, "ml-agents", "toolhive-mlflow");
    assertThat(condition(remote, "Accepted")).containsEntry("status", "False").containsEntry("reason",
        "ReconcileFailed");
    assertThat((String) condition(remote, "Accepted").get("message")).contains("connection refused");
    assertThat(maps(remote.get("status", "discoveredTools"))).hasSize(4);

    Await.ticks(demo.simulator(), 12, "more restarts", () -> mlflowPod().getStatus().getContainerStatuses()
        .getFirst().getRestartCount() >= 3);
    assertThat((String) mlflow().get("status", "phase")).isEqualTo("Failed");
    String log = prod.pods().inNamespace("ml-agents").withName(mlflowPod().getMetadata().getName()).getLog(true);
    assertThat(log).contains("401");
  }

  @Test
  void otherToolServersKeepTheirState() {
    for (int tick = 0; tick < 20; tick++) {
      demo.simulator().tickNow();
    }

    assertThat((String) get(TOOLHIVE, "ml-agents", "github").get("status", "phase")).isEqualTo("Running");
    assertThat((String) get(TOOLHIVE, "ml-agents", "fetch").get("status", "phase")).isEqualTo("Failed");
    assertThat(condition(get(REMOTE_MCP, "ml-agents", "prometheus-mcp"), "Ready")).containsEntry("status", "True");
  }
}
