package dev.pilothouse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authentication by token, SelfSubjectReview, and the access policy behind reviews and requests. */
class AccessTest {

  private EmulatedCluster cluster;
  private KubernetesClient user;

  @BeforeEach
  void start() {
    cluster = EmulatedCluster.start("access", 0);
    cluster.seed(List.of(Fixtures.namespace("ml-serving"), Fixtures.configMap("ml-serving", "c", Map.of())));
    user = Clients.fromKubeconfig(cluster);
  }

  @AfterEach
  void stop() {
    user.close();
    cluster.close();
  }

  private SelfSubjectAccessReview review(String verb, String resource, String namespace) {
    return user.authorization().v1().selfSubjectAccessReview().create(new SelfSubjectAccessReviewBuilder()
        .withNewSpec().withNewResourceAttributes().withVerb(verb).withResource(resource).withGroup("")
        .withNamespace(namespace).endResourceAttributes().endSpec().build());
  }

  @Test
  void defaultPolicyAllowsEverything() {
    assertThat(review("delete", "pods", "ml-serving").getStatus().getAllowed()).isTrue();
  }

  @Test
  void yamlPolicyAnswersReviewsFirstMatchWins(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, """
        rules:
          - verbs: [delete]
            resources: [pods]
            namespaces: [ml-serving]
            allow: false
          - verbs: ["*"]
            resources: ["*"]
            allow: true
        """);
    cluster.setAccessPolicy(AccessPolicy.fromYaml(file));

    SelfSubjectAccessReview denied = review("delete", "pods", "ml-serving");
    SelfSubjectAccessReview allowed = review("delete", "pods", "default");

    assertThat(denied.getStatus().getAllowed()).isFalse();
    assertThat(denied.getStatus().getReason()).isEqualTo("denied by rule 1 of policy.yaml");
    assertThat(allowed.getStatus().getAllowed()).isTrue();
    assertThat(allowed.getStatus().getReason()).isEqualTo("allowed by rule 2 of policy.yaml");
  }

  @Test
  void deniedRequestsAreForbiddenWithTheServersMessage() {
    cluster.setAccessPolicy((u, verb, group, resource, sub, ns, name) -> !verb.equals("delete"));

    assertThatThrownBy(() -> user.configMaps().inNamespace("ml-serving").withName("c").delete())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(403);
          assertThat(e.getStatus().getMessage()).isEqualTo("configmaps \"c\" is forbidden: User \"demo-admin\" "
              + "cannot delete resource \"configmaps\" in API group \"\" in the namespace \"ml-serving\"");
        });
    assertThat(user.configMaps().inNamespace("ml-serving").withName("c").get()).isNotNull();
  }

  @Test
  void adminClientIsNeverRestricted() {
    cluster.setAccessPolicy((u, verb, group, resource, sub, ns, name) -> false);

    assertThat(cluster.adminClient().configMaps().inNamespace("ml-serving").list().getItems()).hasSize(1);
  }

  @Test
  void selfSubjectReviewNamesTheTokensUser() {
    var response = Http.post(cluster, "/apis/authentication.k8s.io/v1/selfsubjectreviews",
        "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\"}", cluster.userToken());

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).contains("\"username\":\"demo-admin\"", "system:authenticated");
  }

  @Test
  void addedUsersAreSeenByThePolicy() {
    String token = cluster.addUser("demo-viewer");
    cluster.setAccessPolicy((u, verb, group, resource, sub, ns, name) -> !u.equals("demo-viewer")
        || List.of("get", "list", "watch").contains(verb));

    var read = Http.send(cluster, java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(cluster.url() + "/api/v1/namespaces/ml-serving/configmaps")), token);
    var delete = Http.send(cluster, java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(cluster.url() + "/api/v1/namespaces/ml-serving/configmaps/c")).DELETE(), token);

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(delete.statusCode()).isEqualTo(403);
  }

  @Test
  void unknownTokenIsUnauthorized() {
    var response = Http.send(cluster, java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(cluster.url() + "/api/v1/namespaces")), "not-a-token");

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void policyFileMistakesNameTheFileAndRule(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, """
        rules:
          - verbs: [get]
            allow: true
          - verb: [delete]
            allow: false
        """);

    assertThatThrownBy(() -> AccessPolicy.fromYaml(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.yaml: rule 2: unknown field 'verb'");
  }
}
