package dev.pilothouse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment as the app sees it: two clusters behind one kubeconfig. */
class DemoEnvironmentTest {

  private static DemoEnvironment demo;

  @BeforeAll
  static void start() {
    demo = DemoEnvironment.start(DemoOptions.defaults().withSimulate(false));
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  @Test
  void clustersAreProdThenStaging() {
    assertThat(demo.clusters()).extracting(EmulatedCluster::name).containsExactly("prod", "staging");
    assertThat(demo.cluster("staging").port()).isNotEqualTo(demo.cluster("prod").port());
    assertThatThrownBy(() -> demo.cluster("qa")).isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("qa");
  }

  @Test
  void kubeconfigHasTwoContextsWithTokensOnLoopbackHttp() {
    String yaml = demo.kubeconfigYaml();

    assertThat(yaml).contains("current-context: demo-prod", "- name: demo-prod", "- name: demo-staging",
        "server: http://127.0.0.1:" + demo.cluster("prod").port(),
        "server: http://127.0.0.1:" + demo.cluster("staging").port(),
        "token: " + demo.cluster("prod").userToken());
  }

  @Test
  void clientsFromTheKubeconfigSeeEachClustersScenario(@TempDir Path dir) {
    Path kubeconfig = demo.writeKubeconfig(dir.resolve("kubeconfig"));
    for (String context : new String[] {"demo-prod", "demo-staging"}) {
      try (var client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(context,
          kubeconfig.toFile())).build()) {
        assertThat(client.pods().inNamespace("ml-serving").list().getItems()).as(context).isNotEmpty();
      }
    }
  }

  @Test
  void writtenKubeconfigIsReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
    Path file = demo.writeKubeconfig(dir.resolve("nested/demo.kubeconfig"));

    assertThat(Files.readString(file)).isEqualTo(demo.kubeconfigYaml());
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
  }

  @Test
  void basePortPutsStagingOnTheNextPort() throws Exception {
    int base;
    try (ServerSocket probe = new ServerSocket(0)) {
      base = probe.getLocalPort();
    }
    try (DemoEnvironment fixed = DemoEnvironment.start(DemoOptions.defaults().withBasePort(base)
        .withSimulate(false))) {
      assertThat(fixed.cluster("prod").port()).isEqualTo(base);
      assertThat(fixed.cluster("staging").port()).isEqualTo(base + 1);
    }
  }

  @Test
  void optionsRejectNonsense() {
    assertThatThrownBy(() -> DemoOptions.defaults().withBasePort(70000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DemoOptions("ml-platform", 0, true, java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DemoEnvironment.start(new DemoOptions("no-such-scenario", 0, false,
        java.time.Duration.ofSeconds(1)))).hasMessageContaining("no-such-scenario");
  }
}
