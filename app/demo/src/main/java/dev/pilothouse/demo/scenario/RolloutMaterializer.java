package dev.pilothouse.demo.scenario;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import dev.pilothouse.demo.apiserver.Json;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Argo Rollouts as their controller leaves them: a stable and (while a canary step is paused) a canary ReplicaSet
 * sized by the current {@code setWeight}, and the status fields the controller maintains. The authored status
 * says where the rollout is (phase, currentStepIndex, pauseConditions); the rest is derived.
 */
final class RolloutMaterializer {

  static final String REVISION = "rollout.argoproj.io/revision";
  static final String HASH_LABEL = "rollouts-pod-template-hash";

  private final MaterializeContext ctx;
  private final DeploymentMaterializer deployments;

  RolloutMaterializer(MaterializeContext ctx, DeploymentMaterializer deployments) {
    this.ctx = ctx;
    this.deployments = deployments;
  }

  @SuppressWarnings("unchecked")
  void materialize(GenericKubernetesResource rollout) {
    ctx.ensureUid(rollout);
    Map<String, Object> spec = (Map<String, Object>) rollout.getAdditionalProperties().get("spec");
    Map<String, Object> status = new LinkedHashMap<>((Map<String, Object>) rollout.getAdditionalProperties()
        .getOrDefault("status", Map.of()));
    int replicas = ((Number) spec.getOrDefault("replicas", 1)).intValue();
    PodTemplateSpec template = Json.KUBERNETES.convertValue(spec.get("template"), PodTemplateSpec.class);
    LabelSelector selector = Json.KUBERNETES.convertValue(spec.get("selector"), LabelSelector.class);
    List<DeploymentMaterializer.Revision> revisions = deployments.revisions(rollout, template, replicas);
    List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) spec
        .getOrDefault("strategy", Map.of())).getOrDefault("canary", Map.of())).getOrDefault("steps", List.of());
    String phase = (String) status.getOrDefault("phase", "Healthy");
    int stepIndex = ((Number) status.getOrDefault("currentStepIndex", steps.size())).intValue();
    boolean canarying = !phase.equals("Healthy") && revisions.size() > 1;
    DeploymentMaterializer.Revision current = revisions.getLast();
    DeploymentMaterializer.Revision stable = canarying ? revisions.get(revisions.size() - 2) : current;
    int canaryReplicas = canarying ? (int) Math.ceil(replicas * weight(steps, stepIndex) / 100.0) : replicas;
    int total = 0;
    int ready = 0;
    int updated = 0;
    for (DeploymentMaterializer.Revision r : revisions) {
      int size = r == current ? canaryReplicas : r == stable ? replicas - canaryReplicas : 0;
      ReplicaSet rs = replicaSet(rollout, selector, r, size);
      List<Pod> pods = deployments.pods(rs, new DeploymentMaterializer.Revision(rs.getSpec().getTemplate(), r.hash(),
          r.number(), r.created(), size));
      int rsReady = MaterializeContext.readyCount(pods);
      rs.setStatus(new ReplicaSetStatusBuilder().withReplicas(size).withFullyLabeledReplicas(size)
          .withReadyReplicas(rsReady).withAvailableReplicas(rsReady).withObservedGeneration(1L).build());
      ctx.output.add(rs);
      total += size;
      ready += rsReady;
      if (r == current) {
        updated = size;
      }
    }
    status.put("currentPodHash", current.hash());
    status.put("stableRS", stable.hash());
    status.put("currentStepIndex", stepIndex);
    status.put("replicas", total);
    status.put("updatedReplicas", updated);
    status.put("readyReplicas", ready);
    status.put("availableReplicas", ready);
    status.put("HPAReplicas", total);
    status.put("observedGeneration", String.valueOf(revisions.size()));
    status.put("selector", selectorString(selector));
    status.put("phase", phase);
    status.put("conditions", conditions(phase, status));
    rollout.getMetadata().setGeneration((long) revisions.size());
    var annotations = DeploymentMaterializer.annotations(rollout.getMetadata());
    annotations.put(REVISION, String.valueOf(current.number()));
    annotations.remove(DemoAnnotations.PREVIOUS_IMAGES);
    annotations.remove(DemoAnnotations.ROLLED_OUT_AT);
    rollout.getAdditionalProperties().put("status", status);
    ctx.output.add(rollout);
  }

  /** The weight set by the last setWeight step before {@code stepIndex}. */
  static int weight(List<Map<String, Object>> steps, int stepIndex) {
    int weight = 0;
    for (int i = 0; i < Math.min(stepIndex, steps.size()); i++) {
      Object w = steps.get(i).get("setWeight");
      if (w instanceof Number n) {
        weight = n.intValue();
      }
    }
    return weight;
  }

  private ReplicaSet replicaSet(GenericKubernetesResource rollout, LabelSelector selector,
      DeploymentMaterializer.Revision revision, int replicas) {
    String name = rollout.getMetadata().getName() + "-" + revision.hash();
    String namespace = rollout.getMetadata().getNamespace();
    PodTemplateSpec template = Serialization.clone(revision.template());
    DeploymentMaterializer.labels(template.getMetadata()).put(HASH_LABEL, revision.hash());
    LabelSelector rsSelector = Serialization.clone(selector);
    rsSelector.getMatchLabels().put(HASH_LABEL, revision.hash());
    ObjectMeta meta = new ObjectMeta();
    meta.setName(name);
    meta.setNamespace(namespace);
    meta.setUid(ctx.uid("ReplicaSet", namespace, name));
    meta.setCreationTimestamp(Times.format(revision.created()));
    meta.setGeneration(1L);
    meta.setLabels(new LinkedHashMap<>(template.getMetadata().getLabels()));
    meta.setAnnotations(new LinkedHashMap<>(Map.of(REVISION, String.valueOf(revision.number()),
        "rollout.argoproj.io/desired-replicas", String.valueOf(replicas))));
    meta.setOwnerReferences(List.of(PodFactory.controllerRef("argoproj.io/v1alpha1", "Rollout",
        rollout.getMetadata().getName(), rollout.getMetadata().getUid())));
    ReplicaSet rs = new ReplicaSet();
    rs.setApiVersion("apps/v1");
    rs.setKind("ReplicaSet");
    rs.setMetadata(meta);
    rs.setSpec(new ReplicaSetSpecBuilder().withReplicas(replicas).withSelector(rsSelector).withTemplate(template)
        .build());
    return rs;
  }

  private List<Map<String, Object>> conditions(String phase, Map<String, Object> status) {
    String now = Times.format(ctx.now);
    List<Map<String, Object>> conditions = new ArrayList<>();
    boolean paused = phase.equals("Paused");
    conditions.add(condition("Progressing", "True", paused ? "RolloutPaused" : "NewReplicaSetAvailable",
        paused ? "Rollout is paused" : "Rollout has completed", now));
    conditions.add(condition("Available", "True", "AvailableReason", "Rollout has minimum availability", now));
    if (paused) {
      conditions.add(condition("Paused", "True", "RolloutPaused", "Rollout is paused", now));
      status.put("controllerPause", true);
    }
    conditions.add(condition("Healthy", paused ? "False" : "True", paused ? "RolloutHealthy" : "RolloutHealthy",
        paused ? "Rollout is not healthy" : "Rollout is healthy", now));
    conditions.add(condition("Completed", paused ? "False" : "True", paused ? "RolloutNotCompleted"
        : "RolloutCompleted", paused ? "Rollout not completed" : "Rollout completed", now));
    return conditions;
  }

  private static Map<String, Object> condition(String type, String status, String reason, String message,
      String now) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", type);
    c.put("status", status);
    c.put("reason", reason);
    c.put("message", message);
    c.put("lastUpdateTime", now);
    c.put("lastTransitionTime", now);
    return c;
  }

  static String selectorString(LabelSelector selector) {
    List<String> parts = new ArrayList<>();
    if (selector.getMatchLabels() != null) {
      selector.getMatchLabels().forEach((k, v) -> parts.add(k + "=" + v));
    }
    return String.join(",", parts);
  }
}
