package dev.pilothouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl against the demo environment: it must see a cluster like any other. */
class KubectlTest {

  @TempDir
  static Path dir;
  private static DemoEnvironment demo;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() {
    demo = DemoEnvironment.start(DemoOptions.defaults().withSimulate(false));
    kubectl = new Kubectl(demo.writeKubeconfig(dir.resolve("kubeconfig")), dir);
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  @Test
  void getPodsInAllNamespacesPrintsTheScenariosPods() {
    String out = kubectl.ok("get", "pods", "-A");

    assertThat(out.lines().findFirst()).hasValueSatisfying(header ->
        assertThat(header).contains("NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE"));
    assertThat(out.lines().count() - 1).isEqualTo(demo.cluster("prod").adminClient().pods().inAnyNamespace().list()
        .getItems().size());
    assertThat(out).contains("llama-3-8b-instruct-", "CrashLoopBackOff", "OOMKilled", "Pending",
        "ImagePullBackOff");
  }

  @Test
  void getCrdListsTheScenariosDefinitions() {
    assertThat(kubectl.ok("get", "crd")).contains("inferenceservices.serving.kserve.io", "workflows.argoproj.io",
        "mcpservers.toolhive.stacklok.dev", "agents.kagent.dev");
  }

  @Test
  void getInferenceServicesPrintsTheCrdsColumns() {
    String out = kubectl.ok("get", "inferenceservices", "-A");

    assertThat(out.lines().findFirst()).hasValueSatisfying(header ->
        assertThat(header).contains("URL", "READY", "PREV", "LATEST"));
    assertThat(out).contains("fraud-scorer", "sentiment-classifier", "True");
  }

  @Test
  void getNodesShowsTheUnhealthyNode() {
    String out = kubectl.ok("get", "nodes");

    assertThat(out).contains("NotReady", "gke-ml-prod-a100-pool-7c3e9b52-q4ml", "v1.32.0");
    assertThat(out.lines().filter(l -> l.contains(" Ready ")).count()).isEqualTo(8);
  }

  @Test
  void shortNamesAndOtherContextsWork() {
    assertThat(kubectl.ok("get", "isvc", "-n", "ml-serving")).contains("fraud-scorer");
    assertThat(kubectl.ok("get", "wf", "-n", "ml-pipelines")).contains("churn-model-training-8xk2p");
    assertThat(kubectl.ok("--context", "demo-staging", "get", "deploy", "-n", "ml-serving"))
        .contains("llama-3-8b-instruct").doesNotContain("mixtral");
  }

  @Test
  void getOneObjectAsYamlAndAsTable() {
    assertThat(kubectl.ok("get", "deploy", "llama-3-70b-instruct", "-n", "ml-serving", "-o", "yaml"))
        .contains("deployment.kubernetes.io/revision: \"2\"", "ProgressDeadlineExceeded");
    assertThat(kubectl.ok("get", "deploy", "llama-3-70b-instruct", "-n", "ml-serving"))
        .contains("UP-TO-DATE", "AVAILABLE");
  }

  @Test
  void logsPrintsTheGeneratedLog() {
    String out = kubectl.ok("logs", "-n", "ml-serving", "deploy/llama-3-8b-instruct", "--tail=3");

    assertThat(out.lines()).hasSize(3);
  }

  @Test
  void versionAndApiResourcesComeFromDiscovery() {
    assertThat(kubectl.ok("version")).contains("Server Version: v1.32.0");
    assertThat(kubectl.ok("api-resources")).contains("inferenceservices", "isvc", "serving.kserve.io/v1beta1");
  }

  @Test
  void authCanIAnswersFromTheAccessPolicy() {
    // kubectl never sends credentials over plain HTTP, so it is system:anonymous here.
    demo.cluster("prod").setAccessPolicy((user, verb, group, resource, sub, ns, name) ->
        !(verb.equals("delete") && resource.equals("pods") && "ml-serving".equals(ns)));
    try {
      assertThat(kubectl.run("auth", "can-i", "delete", "pods", "-n", "ml-serving").out().strip())
          .isEqualTo("no - denied by the demo access policy");
      assertThat(kubectl.run("auth", "can-i", "delete", "pods", "-n", "default").out().strip()).isEqualTo("yes");
    } finally {
      demo.cluster("prod").setAccessPolicy(AccessPolicy.allowAll());
    }
  }
}
