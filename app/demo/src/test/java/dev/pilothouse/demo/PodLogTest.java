package dev.pilothouse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pod logs generated for the scenario's workloads, with the kubelet's parameters and refusals. */
class PodLogTest {

  private static DemoEnvironment demo;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    demo = DemoEnvironment.start(DemoOptions.defaults().withSimulate(false));
    client = demo.cluster("prod").adminClient();
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  private static Pod firstPod(String namespace, String label, String value) {
    return client.pods().inNamespace(namespace).withLabel(label, value).list().getItems().stream()
        .filter(p -> "Running".equals(p.getStatus().getPhase())).findFirst().orElseThrow();
  }

  private static String log(Pod pod, String query) {
    var response = Http.get(demo.cluster("prod"), "/api/v1/namespaces/" + pod.getMetadata().getNamespace()
        + "/pods/" + pod.getMetadata().getName() + "/log" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  @Test
  void vllmServerLogsItsStartUpThenRequests() {
    Pod pod = firstPod("ml-serving", "app.kubernetes.io/name", "llama-3-8b-instruct");

    String log = client.pods().inNamespace("ml-serving").withName(pod.getMetadata().getName()).getLog();

    assertThat(log).contains("vLLM API server version", "model='meta-llama/Meta-Llama-3-8B-Instruct'",
        "Uvicorn running on http://0.0.0.0:8000", "\"POST /v1/chat/completions HTTP/1.1\" 200 OK");
    assertThat(log.indexOf("Starting to load model")).isLessThan(log.indexOf("Application startup complete"));
  }

  @Test
  void tritonAndTgiServersLogTheirOwnStartUp() {
    assertThat(log(firstPod("ml-serving", "app.kubernetes.io/name", "fraud-detector"), ""))
        .contains("Triton Inference Server", "successfully loaded 'fraud-detector-xgb'");
    assertThat(log(firstPod("ml-serving", "app.kubernetes.io/name", "mistral-7b-instruct"), ""))
        .contains("text_generation_launcher", "Shard ready");
  }

  @Test
  void crashLoopingContainerLogsEndInAStackTrace() {
    Pod pod = firstPod("ml-serving", "app.kubernetes.io/name", "feature-server");

    String current = log(pod, "");
    String previous = log(pod, "?previous=true");

    assertThat(current.strip()).endsWith("... 3 more");
    assertThat(previous).contains("Exception in thread \"main\" java.lang.IllegalStateException",
        "Caused by: java.net.ConnectException: Connection refused");
  }

  @Test
  void oomKilledTrainerStopsWhileGatheringItsCheckpoint() {
    Pod pod = client.pods().inNamespace("ml-pipelines").withLabel("job-name", "llama-finetune-support-v3").list()
        .getItems().getFirst();

    String log = log(pod, "");

    assertThat(pod.getStatus().getContainerStatuses().getFirst().getState().getTerminated().getReason())
        .isEqualTo("OOMKilled");
    assertThat(log).contains("{'loss': ");
    assertThat(log.strip()).endsWith("Gathering full state dict on rank 0 for checkpoint (this can take a while)");
  }

  @Test
  void tailLinesAndTimestampsShapeTheOutput() {
    Pod pod = firstPod("ml-serving", "app.kubernetes.io/name", "llama-3-8b-instruct");

    List<String> lines = log(pod, "?tailLines=3&timestamps=true").lines().toList();

    assertThat(lines).hasSize(3);
    assertThat(lines).allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z .*"));
  }

  @Test
  void logsAreStableBetweenReads() {
    Pod pod = firstPod("ml-serving", "app.kubernetes.io/name", "llama-3-70b-instruct");

    String first = log(pod, "?tailLines=20");
    String second = log(pod, "");

    assertThat(second).contains(first.lines().limit(5).toList().getFirst());
  }

  @Test
  void followAnswersWithTheLogSoFar() {
    Pod pod = firstPod("ml-serving", "app.kubernetes.io/name", "mistral-7b-instruct");

    assertThat(log(pod, "?follow=true&tailLines=5").lines()).hasSize(5);
  }

  @Test
  void multiContainerPodsNeedAContainerName() {
    Pod pod = firstPod("ml-serving", "seldon-server-name", "mlserver");

    assertThatThrownBy(() -> client.pods().inNamespace("ml-serving").withName(pod.getMetadata().getName()).getLog())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(400));
    assertThat(client.pods().inNamespace("ml-serving").withName(pod.getMetadata().getName()).inContainer("agent")
        .getLog()).isNotEmpty();
  }

  @Test
  void previousLogNeedsARestart() {
    Pod pod = firstPod("ml-serving", "app.kubernetes.io/name", "llama-3-8b-instruct");

    var response = Http.get(demo.cluster("prod"), "/api/v1/namespaces/ml-serving/pods/" + pod.getMetadata().getName()
        + "/log?previous=true");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("previous terminated container \\\"vllm\\\"");
  }

  @Test
  void pendingPodHasNoLogYet() {
    Pod pending = client.pods().inNamespace("ml-serving").withLabel("app.kubernetes.io/name", "mixtral-8x22b-instruct")
        .list().getItems().getFirst();

    var response = Http.get(demo.cluster("prod"), "/api/v1/namespaces/ml-serving/pods/"
        + pending.getMetadata().getName() + "/log");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("is waiting to start");
  }

  @Test
  void argoStepPodLogsItsWork() {
    Pod failed = client.pods().inNamespace("ml-pipelines")
        .withLabel("workflows.argoproj.io/workflow", "nightly-data-validation-29k1c").list().getItems().stream()
        .filter(p -> "Failed".equals(p.getStatus().getPhase())).findFirst().orElseThrow();

    assertThat(client.pods().inNamespace("ml-pipelines").withName(failed.getMetadata().getName()).inContainer("main")
        .getLog()).contains("ValueError: schema drift");
  }
}
