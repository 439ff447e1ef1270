package dev.pilothouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Discovery documents, as kubectl and Fabric8 read them. */
class DiscoveryTest {

  private static EmulatedCluster cluster;

  @BeforeAll
  static void start() {
    cluster = EmulatedCluster.start("discovery", 0);
    cluster.adminClient().apiextensions().v1().customResourceDefinitions().resource(Fixtures.widgetCrd()).create();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static JsonNode json(String path) {
    var response = Http.get(cluster, path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return Serialization.unmarshal(response.body(), JsonNode.class);
  }

  @Test
  void versionReportsAKubernetesGitVersionAndPlatform() {
    JsonNode version = json("/version");

    assertThat(version.path("gitVersion").asText()).isEqualTo("v1.32.0");
    assertThat(version.path("major").asText()).isEqualTo("1");
    assertThat(version.path("minor").asText()).isEqualTo("32");
    assertThat(version.path("platform").asText()).isEqualTo("linux/amd64");
  }

  @ParameterizedTest
  @CsvSource({"pods, po", "nodes, no", "namespaces, ns", "services, svc", "configmaps, cm", "events, ev"})
  void coreResourcesHaveTheirShortNamesAndVerbs(String plural, String shortName) {
    JsonNode resource = find(json("/api/v1").path("resources"), plural);

    assertThat(texts(resource.path("shortNames"))).contains(shortName);
    assertThat(texts(resource.path("verbs"))).contains("get", "list", "watch", "create", "delete", "patch");
  }

  @Test
  void podsAdvertiseLogStatusSubresources() {
    JsonNode resources = json("/api/v1").path("resources");

    assertThat(find(resources, "pods/log").path("verbs").get(0).asText()).isEqualTo("get");
    assertThat(find(resources, "pods/status").isMissingNode()).isFalse();
    assertThat(find(json("/apis/apps/v1").path("resources"), "deployments/scale").path("kind").asText())
        .isEqualTo("Scale");
  }

  @Test
  void groupListHasBuiltInGroupsAndCrdGroups() {
    List<String> groups = new ArrayList<>();
    json("/apis").path("groups").forEach(g -> groups.add(g.path("name").asText()));

    assertThat(groups).contains("apps", "batch", "apiextensions.k8s.io", "authorization.k8s.io",
        "authentication.k8s.io", "example.com");
  }

  @Test
  void crdResourceListCarriesItsShortNames() {
    JsonNode widgets = find(json("/apis/example.com/v1").path("resources"), "widgets");

    assertThat(widgets.path("kind").asText()).isEqualTo("Widget");
    assertThat(widgets.path("namespaced").asBoolean()).isTrue();
    assertThat(texts(widgets.path("shortNames"))).containsExactly("wdg");
  }

  @Test
  void aCrdIsDiscoverableOnlyWhileItExists() {
    var client = cluster.adminClient();
    var crd = Fixtures.widgetCrd();
    crd.getMetadata().setName("gadgets.toys.example.com");
    crd.getSpec().setGroup("toys.example.com");
    crd.getSpec().getNames().setPlural("gadgets");
    crd.getSpec().getNames().setKind("Gadget");
    crd.getSpec().getNames().setShortNames(List.of());
    client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    assertThat(Http.get(cluster, "/apis/toys.example.com/v1").statusCode()).isEqualTo(200);

    client.apiextensions().v1().customResourceDefinitions().withName("gadgets.toys.example.com").delete();

    assertThat(Http.get(cluster, "/apis/toys.example.com/v1").statusCode()).isEqualTo(404);
  }

  @Test
  void timeoutParameterDoesNotChangeTheAnswer() {
    assertThat(Http.get(cluster, "/api?timeout=32s").body()).isEqualTo(Http.get(cluster, "/api").body());
    assertThat(Http.get(cluster, "/apis?timeout=32s").body()).isEqualTo(Http.get(cluster, "/apis").body());
  }

  @Test
  void aggregatedDiscoveryIsServedWhenAskedFor() {
    var response = Http.get(cluster, "/apis",
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json");

    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
        assertThat(v).contains("as=APIGroupDiscoveryList"));
    JsonNode list = Serialization.unmarshal(response.body(), JsonNode.class);
    assertThat(list.path("kind").asText()).isEqualTo("APIGroupDiscoveryList");
    assertThat(list.toString()).contains("\"resource\":\"deployments\"", "\"resource\":\"widgets\"");
  }

  @Test
  void unknownGroupVersionIsNotFound() {
    assertThat(Http.get(cluster, "/apis/nothing.example.com/v1").statusCode()).isEqualTo(404);
    assertThat(Http.get(cluster, "/apis/nothing.example.com/v1/things").statusCode()).isEqualTo(404);
  }

  @Test
  void fabric8ApiDiscoveryFindsBuiltInAndCustomGroups() {
    var client = cluster.adminClient();

    assertThat(client.getApiGroups().getGroups()).extracting(g -> g.getName()).contains("apps", "example.com");
    assertThat(client.hasApiGroup("example.com", false)).isTrue();
    assertThat(client.getApiResources("apps/v1").getResources()).extracting(r -> r.getName())
        .contains("deployments", "replicasets");
  }

  private static JsonNode find(JsonNode resources, String name) {
    for (JsonNode r : resources) {
      if (r.path("name").asText().equals(name)) {
        return r;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
