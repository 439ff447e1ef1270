package dev.pilothouse.demo;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Synthetic load for benchmarks: many plausible Running pods spread over namespaces {@code load-0..load-N-1}.
 * Seed them with {@link EmulatedCluster#seed} together with {@link #namespaces(int)}.
 *
 * <pre>
 * cluster.seed(LoadGenerator.namespaces(20));
 * cluster.seed(LoadGenerator.syntheticPods(10_000, 20));
 * </pre>
 */
public final class LoadGenerator {

  private static final String[] APPS = {"inference-gateway", "feature-worker", "embedding-batch", "ranker",
      "tokenizer", "vector-index", "stream-consumer", "etl-worker"};

  private LoadGenerator() {}

  /** The namespaces {@link #syntheticPods} uses. */
  public static List<Namespace> namespaces(int count) {
    List<Namespace> namespaces = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      namespaces.add(new NamespaceBuilder().withNewMetadata().withName(namespace(i))
          .addToLabels("pilothouse.dev/synthetic", "true").endMetadata().build());
    }
    return namespaces;
  }

  /**
   * {@code count} Running, ready pods, round-robin over {@code namespaces} namespaces, with realistic labels,
   * resources and container statuses (roughly 2 KB of JSON each). Deterministic.
   */
  public static List<Pod> syntheticPods(int count, int namespaces) {
    if (count < 0 || namespaces < 1) {
      throw new IllegalArgumentException("need count >= 0 and namespaces >= 1");
    }
    Random random = new Random(count * 31L + namespaces);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<Pod> pods = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String app = APPS[i % APPS.length];
      String name = "%s-%05d".formatted(app, i);
      String started = now.minusSeconds(60L + random.nextInt(30 * 86_400)).toString();
      pods.add(new PodBuilder()
          .withNewMetadata()
            .withName(name)
            .withNamespace(namespace(i % namespaces))
            .withUid(UUID.nameUUIDFromBytes(("synthetic/" + name).getBytes()).toString())
            .withCreationTimestamp(started)
            .addToLabels("app.kubernetes.io/name", app)
            .addToLabels("app.kubernetes.io/instance", app + "-" + (i % 7))
            .addToLabels("pilothouse.dev/synthetic", "true")
          .endMetadata()
          .withNewSpec()
            .withNodeName("synthetic-node-%03d".formatted(i % 200))
            .addNewContainer()
              .withName(app)
              .withImage("registry.example.com/ml/" + app + ":1." + (i % 9))
              .withNewResources()
                .addToRequests("cpu", new Quantity("250m"))
                .addToRequests("memory", new Quantity("512Mi"))
                .addToLimits("memory", new Quantity("1Gi"))
              .endResources()
            .endContainer()
          .endSpec()
          .withNewStatus()
            .withPhase("Running")
            .withPodIP("10.%d.%d.%d".formatted(64 + i / 65_536 % 64, i / 256 % 256, i % 256))
            .withStartTime(started)
            .addNewCondition().withType("Ready").withStatus("True").withLastTransitionTime(started).endCondition()
            .addNewContainerStatus()
              .withName(app).withImage("registry.example.com/ml/" + app + ":1." + (i % 9))
              .withReady(true).withStarted(true).withRestartCount(random.nextInt(10) == 0 ? 1 : 0)
              .withNewState().withNewRunning().withStartedAt(started).endRunning().endState()
            .endContainerStatus()
          .endStatus()
          .build());
    }
    return pods;
  }

  private static String namespace(int i) {
    return "load-" + i;
  }
}
