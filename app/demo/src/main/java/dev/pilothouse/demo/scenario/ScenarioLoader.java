package dev.pilothouse.demo.scenario;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a scenario from the classpath: {@code /scenarios/<name>/crds.yaml} (installed in every cluster unless a CRD
 * names its clusters in {@link DemoAnnotations#CLUSTERS}) and one {@code <cluster>.yaml} per cluster, materialized
 * into what a running cluster would hold. Deterministic for a given {@code now} and seed.
 */
public final class ScenarioLoader {

  /** The clusters of the ML-platform scenario, in display order. */
  public static final List<String> CLUSTERS = List.of("prod", "staging");

  private ScenarioLoader() {}

  /** A loaded scenario: for each cluster, every object to seed. */
  public record Scenario(String name, Map<String, List<HasMetadata>> clusters) {}

  public static Scenario load(String name, Instant now, long seed) {
    if (!name.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("invalid scenario name '" + name + "'");
    }
    List<HasMetadata> crds = ScenarioFile.parse(name + "/crds.yaml", read(name, "crds.yaml"), now);
    Map<String, List<HasMetadata>> clusters = new LinkedHashMap<>();
    for (String cluster : CLUSTERS) {
      List<HasMetadata> objects = new ArrayList<>(installedCrds(crds, cluster));
      List<HasMetadata> authored = ScenarioFile.parse(name + "/" + cluster + ".yaml", read(name, cluster + ".yaml"),
          now);
      objects.addAll(ClusterMaterializer.materialize(cluster, authored, now, seed ^ cluster.hashCode()));
      clusters.put(cluster, List.copyOf(objects));
    }
    return new Scenario(name, clusters);
  }

  private static List<HasMetadata> installedCrds(List<HasMetadata> crds, String cluster) {
    List<HasMetadata> installed = new ArrayList<>();
    for (HasMetadata crd : crds) {
      var annotations = crd.getMetadata().getAnnotations();
      String only = annotations == null ? null : annotations.get(DemoAnnotations.CLUSTERS);
      if (only == null || Arrays.stream(only.split(",")).map(String::trim).anyMatch(cluster::equals)) {
        HasMetadata copy = io.fabric8.kubernetes.client.utils.Serialization.clone(crd);
        if (copy.getMetadata().getAnnotations() != null) {
          copy.getMetadata().getAnnotations().remove(DemoAnnotations.CLUSTERS);
        }
        installed.add(copy);
      }
    }
    return installed;
  }

  private static String read(String scenario, String file) {
    String path = "/scenarios/" + scenario + "/" + file;
    try (InputStream in = ScenarioLoader.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("scenario '" + scenario + "' has no " + file + " (looked for " + path
            + " on the classpath)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
