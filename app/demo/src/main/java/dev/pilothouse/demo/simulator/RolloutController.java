package dev.pilothouse.demo.simulator;

import dev.pilothouse.demo.scenario.PodFactory;
import dev.pilothouse.demo.scenario.TemplateHash;
import dev.pilothouse.demo.scenario.Times;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import dev.pilothouse.demo.apiserver.Json;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Argo Rollouts controller for basic canaries (no traffic router): a new template gets a canary ReplicaSet,
 * {@code setWeight} steps resize canary and stable, {@code pause} steps wait (forever, or for their duration) until
 * promoted, the last step makes the canary stable. It honours what the kubectl plugin writes: promote (clearing
 * pauseConditions), promote --full ({@code status.promoteFull}), abort ({@code status.abort}) and
 * {@code spec.paused}.
 */
final class RolloutController implements Controller {

  private static final String HASH = "rollouts-pod-template-hash";
  private static final String REVISION = "rollout.argoproj.io/revision";

  @Override
  public void reconcile(SimulationContext ctx) {
    List<GenericKubernetesResource> rollouts = ctx.customResources(SimulationContext.ROLLOUTS);
    if (rollouts.isEmpty()) {
      return;
    }
    List<ReplicaSet> replicaSets = ctx.client.apps().replicaSets().inAnyNamespace().list().getItems();
    for (GenericKubernetesResource ro : rollouts) {
      List<ReplicaSet> owned = replicaSets.stream().filter(rs -> SimulationContext.ownedBy(rs, ro)).toList();
      Map<String, Object> before = Serialization.clone(ro).getAdditionalProperties();
      reconcile(ctx, ro, owned);
      if (!java.util.Objects.equals(before.get("status"), ro.getAdditionalProperties().get("status"))) {
        ctx.attempt("status of rollout " + ro.getMetadata().getName(), () -> ctx.client
            .genericKubernetesResources(SimulationContext.ROLLOUTS).inNamespace(ro.getMetadata().getNamespace())
            .resource(ro).updateStatus());
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void reconcile(SimulationContext ctx, GenericKubernetesResource ro, List<ReplicaSet> owned) {
    Map<String, Object> spec = (Map<String, Object>) ro.getAdditionalProperties().get("spec");
    Map<String, Object> status = (Map<String, Object>) ro.getAdditionalProperties()
        .computeIfAbsent("status", k -> new LinkedHashMap<>());
    int replicas = ((Number) spec.getOrDefault("replicas", 1)).intValue();
    List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) spec
        .getOrDefault("strategy", Map.of())).getOrDefault("canary", Map.of())).getOrDefault("steps", List.of());
    PodTemplateSpec template = Json.KUBERNETES.convertValue(spec.get("template"), PodTemplateSpec.class);
    String hash = TemplateHash.of(template);
    String stable = (String) status.getOrDefault("stableRS", hash);
    ReplicaSet canary = find(owned, hash);
    if (canary == null) {
      int revision = owned.stream().mapToInt(RolloutController::revision).max().orElse(0) + 1;
      canary = create(ctx, ro, spec, template, hash, revision);
      if (canary == null) {
        return;
      }
      status.put("currentStepIndex", 0);
      status.put("currentPodHash", hash);
      status.remove("pauseConditions");
      status.put("phase", "Progressing");
      status.remove("abort");
    }
    ReplicaSet stableRs = find(owned, stable);
    boolean paused = Boolean.TRUE.equals(spec.get("paused"));
    int index = ((Number) status.getOrDefault("currentStepIndex", 0)).intValue();
    if (Boolean.TRUE.equals(status.remove("promoteFull"))) {
      index = steps.size();
      status.remove("pauseConditions");
    }
    if (Boolean.TRUE.equals(status.get("abort"))) {
      resize(ctx, canary, hash.equals(stable) ? replicas : 0);
      resize(ctx, stableRs, replicas);
      status.put("phase", "Degraded");
      status.put("message", "RolloutAborted: Rollout aborted update to revision " + revision(canary));
    } else if (paused) {
      status.put("phase", "Paused");
      status.put("message", "manually paused");
    } else if (hash.equals(stable) || index >= steps.size()) {
      resize(ctx, canary, replicas);
      owned.stream().filter(rs -> !hash.equals(label(rs))).forEach(rs -> resize(ctx, rs, 0));
      status.put("stableRS", hash);
      status.put("currentStepIndex", steps.size());
      status.put("phase", "Healthy");
      status.remove("message");
      status.remove("pauseConditions");
      status.put("controllerPause", false);
    } else {
      index = step(ctx, steps, index, status, canary, stableRs, replicas);
      status.put("currentStepIndex", index);
    }
    counts(status, owned);
  }

  /** Executes the step at {@code index}; returns the new step index. */
  private int step(SimulationContext ctx, List<Map<String, Object>> steps, int index, Map<String, Object> status,
      ReplicaSet canary, @Nullable ReplicaSet stableRs, int replicas) {
    Map<String, Object> step = steps.get(index);
    Object pauseConditions = status.get("pauseConditions");
    boolean pausing = pauseConditions instanceof List<?> l && !l.isEmpty();
    if (step.containsKey("setWeight")) {
      int weight = ((Number) step.get("setWeight")).intValue();
      int canaryReplicas = (int) Math.ceil(replicas * weight / 100.0);
      resize(ctx, canary, canaryReplicas);
      resize(ctx, stableRs, replicas - canaryReplicas);
      status.put("phase", "Progressing");
      status.remove("message");
      return index + 1;
    }
    if (step.containsKey("pause")) {
      Object duration = step.get("pause") instanceof Map<?, ?> p ? p.get("duration") : null;
      if (pausing && duration != null && pauseExpired(status, String.valueOf(duration), ctx)) {
        status.remove("pauseConditions");
        status.put("controllerPause", false);
        return index + 1;
      }
      if (!pausing) {
        if (Boolean.TRUE.equals(status.get("controllerPause"))) {
          // The pause was lifted (promote cleared pauseConditions): the step is done.
          status.put("controllerPause", false);
          return index + 1;
        }
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("reason", "CanaryPauseStep");
        condition.put("startTime", Times.format(ctx.now));
        status.put("pauseConditions", new ArrayList<>(List.of(condition)));
        status.put("controllerPause", true);
      }
      status.put("phase", "Paused");
      status.put("message", "CanaryPauseStep");
      return index;
    }
    return index + 1;
  }

  @SuppressWarnings("unchecked")
  private static boolean pauseExpired(Map<String, Object> status, String duration, SimulationContext ctx) {
    Map<String, Object> condition = ((List<Map<String, Object>>) status.get("pauseConditions")).getFirst();
    Duration d = parse(duration);
    return Times.parse(String.valueOf(condition.get("startTime"))).plus(d).isBefore(ctx.now);
  }

  private static Duration parse(String duration) {
    String number = duration.replaceAll("[a-z]+$", "");
    long amount = Long.parseLong(number.isEmpty() ? "0" : number);
    return switch (duration.substring(number.length())) {
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofSeconds(amount);
    };
  }

  private static void counts(Map<String, Object> status, List<ReplicaSet> owned) {
    int total = 0;
    int ready = 0;
    for (ReplicaSet rs : owned) {
      if (rs.getStatus() != null) {
        total += rs.getStatus().getReplicas() == null ? 0 : rs.getStatus().getReplicas();
        ready += rs.getStatus().getReadyReplicas() == null ? 0 : rs.getStatus().getReadyReplicas();
      }
    }
    status.put("replicas", total);
    status.put("readyReplicas", ready);
    status.put("availableReplicas", ready);
    status.put("HPAReplicas", total);
  }

  private @Nullable ReplicaSet create(SimulationContext ctx, GenericKubernetesResource ro, Map<String, Object> spec,
      PodTemplateSpec template, String hash, int revision) {
    PodTemplateSpec t = Serialization.clone(template);
    Map<String, String> labels = new LinkedHashMap<>(t.getMetadata().getLabels());
    labels.put(HASH, hash);
    t.getMetadata().setLabels(labels);
    LabelSelector selector = Json.KUBERNETES.convertValue(spec.get("selector"), LabelSelector.class);
    selector.getMatchLabels().put(HASH, hash);
    ReplicaSet rs = new ReplicaSetBuilder()
        .withMetadata(new ObjectMetaBuilder().withName(ro.getMetadata().getName() + "-" + hash)
            .withNamespace(ro.getMetadata().getNamespace()).withLabels(labels)
            .withAnnotations(Map.of(REVISION, String.valueOf(revision)))
            .withOwnerReferences(PodFactory.controllerRef("argoproj.io/v1alpha1", "Rollout",
                ro.getMetadata().getName(), ro.getMetadata().getUid()))
            .build())
        .withNewSpec().withReplicas(0).withSelector(selector).withTemplate(t).endSpec()
        .build();
    ReplicaSet[] created = new ReplicaSet[1];
    ctx.attempt("create canary ReplicaSet", () -> created[0] = ctx.client.apps().replicaSets()
        .inNamespace(ro.getMetadata().getNamespace()).resource(rs).create());
    return created[0];
  }

  private static void resize(SimulationContext ctx, @Nullable ReplicaSet rs, int replicas) {
    if (rs == null || rs.getSpec().getReplicas() != null && rs.getSpec().getReplicas() == replicas) {
      return;
    }
    rs.getSpec().setReplicas(replicas);
    ctx.attempt("scale " + rs.getMetadata().getName(), () -> ctx.client.apps().replicaSets()
        .inNamespace(rs.getMetadata().getNamespace()).resource(rs).update());
  }

  private static @Nullable ReplicaSet find(List<ReplicaSet> owned, String hash) {
    return owned.stream().filter(rs -> hash.equals(label(rs))).findFirst().orElse(null);
  }

  private static @Nullable String label(ReplicaSet rs) {
    return rs.getMetadata().getLabels() == null ? null : rs.getMetadata().getLabels().get(HASH);
  }

  private static int revision(ReplicaSet rs) {
    String value = rs.getMetadata().getAnnotations() == null ? null : rs.getMetadata().getAnnotations().get(REVISION);
    return value == null ? 0 : Integer.parseInt(value);
  }
}
