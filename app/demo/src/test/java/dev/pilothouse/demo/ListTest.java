package dev.pilothouse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lists: selectors, kinds, paging. */
class ListTest {

  private static EmulatedCluster cluster;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    cluster = EmulatedCluster.start("lists", 0);
    client = cluster.adminClient();
    cluster.seed(List.of(Fixtures.namespace("a"), Fixtures.namespace("b"),
        Fixtures.configMap("a", "web-prod", Map.of("app", "web", "env", "prod")),
        Fixtures.configMap("a", "web-dev", Map.of("app", "web", "env", "dev")),
        Fixtures.configMap("a", "db-prod", Map.of("app", "db", "env", "prod")),
        Fixtures.configMap("b", "web-prod", Map.of("app", "web", "env", "prod")),
        Fixtures.configMap("b", "cache", Map.of("app", "cache"))));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', value = {
      "app=web; a/web-dev a/web-prod b/web-prod",
      "app==web,env=prod; a/web-prod b/web-prod",
      "app!=web; a/db-prod b/cache",
      "env in (dev,prod),app notin (db); a/web-dev a/web-prod b/web-prod",
      "env; a/db-prod a/web-dev a/web-prod b/web-prod",
      "!env; b/cache"})
  void labelSelectorsFilterLikeTheRealServer(String selector, String expected) {
    List<String> names = names(client.configMaps().inAnyNamespace()
        .list(new ListOptionsBuilder().withLabelSelector(selector).build()).getItems());

    assertThat(String.join(" ", names)).isEqualTo(expected);
  }

  @Test
  void fieldSelectorsOnNameAndNamespace() {
    List<String> byName = names(client.configMaps().inAnyNamespace().withField("metadata.name", "web-prod").list()
        .getItems());
    List<String> byNamespace = names(client.configMaps().inAnyNamespace()
        .list(new ListOptionsBuilder().withFieldSelector("metadata.namespace=b,metadata.name!=cache").build())
        .getItems());

    assertThat(byName).containsExactly("a/web-prod", "b/web-prod");
    assertThat(byNamespace).containsExactly("b/web-prod");
  }

  @Test
  void unsupportedFieldIsRejected() {
    assertThatThrownBy(() -> client.configMaps().inAnyNamespace().withField("data.key", "value").list())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(400);
          assertThat(e.getStatus().getMessage()).contains("field label not supported: data.key");
        });
  }

  @Test
  void listHasTheKindListKindAndAResourceVersion() {
    var response = Http.get(cluster, "/api/v1/namespaces/a/configmaps");

    assertThat(response.body()).startsWith("{\"kind\":\"ConfigMapList\",\"apiVersion\":\"v1\"")
        .contains("\"resourceVersion\":\"");
  }

  @Test
  void limitAndContinuePageThroughEverythingOnce() {
    List<String> seen = new ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      var page = client.configMaps().inAnyNamespace()
          .list(new ListOptionsBuilder().withLimit(2L).withContinue(next).build());
      seen.addAll(names(page.getItems()));
      next = page.getMetadata().getContinue();
      pages++;
    } while (next != null && !next.isEmpty());

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("a/db-prod", "a/web-dev", "a/web-prod", "b/cache", "b/web-prod");
  }

  private static List<String> names(List<ConfigMap> items) {
    return items.stream().map(c -> c.getMetadata().getNamespace() + "/" + c.getMetadata().getName()).toList();
  }
}
