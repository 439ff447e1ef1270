package dev.pilothouse.demo.simulator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * KServe's traffic handling for serverless InferenceServices with a canary: when
 * {@code spec.predictor.canaryTrafficPercent} changes (the object's generation moves past
 * {@code status.observedGeneration}), the predictor's traffic is split again between the latest ready revision
 * (tag {@code latest}) and the latest rolled-out one (tag {@code prev}):
 * <ul>
 *   <li>a percentage between 0 and 100: that share to latest, the rest to prev;</li>
 *   <li>100, or no canary any more: latest is promoted (it takes all the traffic, becomes the latest rolled-out
 *       revision, and the one it replaces becomes the previous rolled-out revision);</li>
 *   <li>0: rolled back, prev takes all the traffic.</li>
 * </ul>
 * As Knative does with revisions no route reaches, a revision's Deployment is scaled to zero when it gets no
 * traffic, and the revision taking all of it gets at least as many replicas as the other had.
 */
final class InferenceServiceController implements Controller {

  private static final String REVISION_LABEL = "serving.knative.dev/revision";

  @Override
  public void reconcile(SimulationContext ctx) {
    for (GenericKubernetesResource isvc : ctx.customResources(SimulationContext.INFERENCE_SERVICES)) {
      Map<String, Object> status = Nested.map(isvc.getAdditionalProperties().get("status"));
      Map<String, Object> predictor = Nested.map(Nested.map(status.get("components")).get("predictor"));
      long generation = isvc.getMetadata().getGeneration() == null ? 1 : isvc.getMetadata().getGeneration();
      long observed = status.get("observedGeneration") instanceof Number n ? n.longValue() : 0;
      if (predictor.get("traffic") == null || observed >= generation) {
        continue;
      }
      Map<String, Object> spec = Nested.map(Nested.map(isvc.getAdditionalProperties().get("spec")).get("predictor"));
      Integer canary = spec.get("canaryTrafficPercent") instanceof Number n ? n.intValue() : null;
      Map<String, Integer> shares = split(predictor, canary);
      status.put("observedGeneration", generation);
      if (ctx.updateStatus(SimulationContext.INFERENCE_SERVICES, isvc)) {
        scale(ctx, isvc, shares);
        ctx.events.record(isvc, "Normal", "InferenceServiceReady", "InferenceService ["
            + isvc.getMetadata().getName() + "] is Ready", "v1beta1Controllers", null);
      }
    }
  }

  /** Rewrites the predictor's traffic for the canary percentage; returns each revision's share. */
  private static Map<String, Integer> split(Map<String, Object> predictor, @Nullable Integer canary) {
    String latest = Nested.string(predictor, "latestReadyRevision");
    String rolledOut = Nested.string(predictor, "latestRolledoutRevision");
    String latestUrl = url(predictor, true);
    String prevUrl = url(predictor, false);
    List<Object> traffic = new ArrayList<>();
    Map<String, Integer> shares = new LinkedHashMap<>();
    if (canary == null || canary >= 100) {
      if (!latest.equals(rolledOut)) {
        predictor.put("previousRolledoutRevision", rolledOut);
        predictor.put("latestRolledoutRevision", latest);
        shares.put(rolledOut, 0);
      }
      traffic.add(target(latest, 100, true, "latest", latestUrl));
      shares.put(latest, 100);
    } else {
      int share = Math.max(0, canary);
      traffic.add(target(rolledOut, 100 - share, false, "prev", prevUrl));
      traffic.add(target(latest, share, true, "latest", latestUrl));
      shares.put(rolledOut, 100 - share);
      shares.put(latest, share);
    }
    predictor.put("traffic", traffic);
    return shares;
  }

  private static Map<String, Object> target(String revision, int percent, boolean latest, String tag,
      @Nullable String url) {
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("revisionName", revision);
    target.put("percent", percent);
    target.put("latestRevision", latest);
    target.put("tag", tag);
    Nested.putOrRemove(target, "url", url);
    return target;
  }

  private static @Nullable String url(Map<String, Object> predictor, boolean latest) {
    return Nested.maps(predictor.get("traffic")).stream()
        .filter(t -> Boolean.valueOf(latest).equals(t.get("latestRevision")) && t.get("url") != null)
        .map(t -> String.valueOf(t.get("url"))).findFirst().orElse(null);
  }

  /** Scales the revisions' Deployments to their share: none for no traffic, the others' replicas for all of it. */
  private static void scale(SimulationContext ctx, GenericKubernetesResource isvc, Map<String, Integer> shares) {
    if (!shares.containsValue(0)) {
      return;
    }
    List<Deployment> revisions = ctx.client.apps().deployments().inNamespace(isvc.getMetadata().getNamespace())
        .withLabel("serving.kserve.io/inferenceservice", isvc.getMetadata().getName()).list().getItems().stream()
        .filter(d -> d.getMetadata().getLabels().containsKey(REVISION_LABEL)).toList();
    int most = revisions.stream().mapToInt(d -> d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas())
        .max().orElse(1);
    for (Deployment d : revisions) {
      Integer share = shares.get(d.getMetadata().getLabels().get(REVISION_LABEL));
      if (share == null) {
        continue;
      }
      int replicas = share == 0 ? 0 : Math.max(most, 1);
      if (d.getSpec().getReplicas() == null || d.getSpec().getReplicas() != replicas) {
        ctx.attempt("scale " + d.getMetadata().getName(), () -> ctx.client.apps().deployments()
            .inNamespace(d.getMetadata().getNamespace()).withName(d.getMetadata().getName()).scale(replicas));
      }
    }
  }
}
