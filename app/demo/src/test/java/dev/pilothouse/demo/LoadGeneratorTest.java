package dev.pilothouse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Synthetic load: bulk seeding and listing many pods. */
class LoadGeneratorTest {

  @Test
  void tenThousandPodsSeedAndListInPages() {
    try (EmulatedCluster cluster = EmulatedCluster.start("load", 0)) {
      cluster.seed(LoadGenerator.namespaces(20));
      cluster.seed(LoadGenerator.syntheticPods(10_000, 20));

      var client = cluster.adminClient();
      var firstPage = client.pods().inAnyNamespace().list(new ListOptionsBuilder().withLimit(500L).build());
      var oneNamespace = client.pods().inNamespace("load-7").list();

      assertThat(firstPage.getItems()).hasSize(500);
      assertThat(firstPage.getMetadata().getRemainingItemCount()).isEqualTo(9_500L);
      assertThat(oneNamespace.getItems()).hasSize(500)
          .allMatch(p -> p.getStatus().getPhase().equals("Running"));
    }
  }

  @Test
  void podsAreDeterministicAndSpreadOverTheNamespaces() {
    var pods = LoadGenerator.syntheticPods(100, 4);

    assertThat(pods).extracting(p -> p.getMetadata().getName())
        .isEqualTo(LoadGenerator.syntheticPods(100, 4).stream().map(p -> p.getMetadata().getName()).toList());
    assertThat(pods.stream().map(p -> p.getMetadata().getNamespace()).distinct().sorted().toList())
        .isEqualTo(List.of("load-0", "load-1", "load-2", "load-3"));
  }

  @Test
  void seedingIntoAMissingNamespaceSaysWhichOne() {
    try (EmulatedCluster cluster = EmulatedCluster.start("load", 0)) {
      assertThatThrownBy(() -> cluster.seed(LoadGenerator.syntheticPods(3, 1)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namespace load-0 does not exist");
    }
  }
}
