package dev.pilothouse.demo;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** Clients the way the app builds them: from a kubeconfig, as the cluster's user. */
final class Clients {

  private Clients() {}

  /** A client from the cluster's kubeconfig, reconnecting watches quickly (tests cut connections on purpose). */
  static KubernetesClient fromKubeconfig(EmulatedCluster cluster) {
    Config config = Config.fromKubeconfig(cluster.kubeconfigYaml());
    return new KubernetesClientBuilder().withConfig(new ConfigBuilder(config)
        .withWatchReconnectInterval(100)
        .withWatchReconnectLimit(-1)
        .withRequestRetryBackoffInterval(100)
        .withRequestRetryBackoffLimit(3)
        .build()).build();
  }
}
