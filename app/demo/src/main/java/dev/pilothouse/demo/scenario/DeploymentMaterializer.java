package dev.pilothouse.demo.scenario;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deployments as the Deployment controller leaves them: one ReplicaSet per revision (earlier revisions from
 * {@link DemoAnnotations#PREVIOUS_IMAGES}, scaled to zero), the current one with its pods, and a consistent status.
 * When the current template's pods can never become ready, the rollout is shown stuck half-way, the old revision
 * still serving: Progressing=False, ProgressDeadlineExceeded.
 */
final class DeploymentMaterializer {

  static final String REVISION = "deployment.kubernetes.io/revision";

  private final MaterializeContext ctx;

  DeploymentMaterializer(MaterializeContext ctx) {
    this.ctx = ctx;
  }

  /** One revision of a workload: its template, hash and ReplicaSet size. */
  record Revision(PodTemplateSpec template, String hash, int number, Instant created, int replicas) {}

  void materialize(Deployment d) {
    ctx.ensureUid(d);
    var spec = d.getSpec();
    int replicas = spec.getReplicas() == null ? 1 : spec.getReplicas();
    spec.setReplicas(replicas);
    if (spec.getStrategy() == null || spec.getStrategy().getType() == null) {
      spec.setStrategy(new io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder()
          .withType("RollingUpdate").withNewRollingUpdate().withMaxSurge(new IntOrString("25%"))
          .withMaxUnavailable(new IntOrString("25%")).endRollingUpdate().build());
    }
    if (spec.getRevisionHistoryLimit() == null) {
      spec.setRevisionHistoryLimit(10);
    }
    if (spec.getProgressDeadlineSeconds() == null) {
      spec.setProgressDeadlineSeconds(600);
    }
    List<Revision> revisions = revisions(d, d.getSpec().getTemplate(), replicas);
    Revision current = revisions.getLast();
    String currentFault = MaterializeContext.fault(current.template(), 0);
    boolean stuck = revisions.size() > 1 && ("crash-loop".equals(currentFault)
        || "image-pull-backoff".equals(currentFault));
    int maxSurge = Math.max(1, (int) Math.ceil(replicas * 0.25));
    int maxUnavailable = (int) Math.floor(replicas * 0.25);
    if (stuck) {
      Revision previous = revisions.get(revisions.size() - 2);
      revisions.set(revisions.size() - 2, new Revision(previous.template(), previous.hash(), previous.number(),
          previous.created(), replicas - maxUnavailable));
      revisions.set(revisions.size() - 1, new Revision(current.template(), current.hash(), current.number(),
          current.created(), Math.min(replicas, maxSurge + maxUnavailable)));
    }
    int total = 0;
    int updated = 0;
    int ready = 0;
    String newName = null;
    for (Revision revision : revisions) {
      ReplicaSet rs = replicaSet(d, revision);
      List<Pod> pods = pods(rs, revision);
      int rsReady = MaterializeContext.readyCount(pods);
      rs.setStatus(new ReplicaSetStatusBuilder().withReplicas(pods.size()).withFullyLabeledReplicas(pods.size())
          .withReadyReplicas(rsReady).withAvailableReplicas(rsReady).withObservedGeneration(1L).build());
      ctx.output.add(rs);
      total += pods.size();
      ready += rsReady;
      if (revision == revisions.getLast()) {
        updated = pods.size();
        newName = rs.getMetadata().getName();
      }
    }
    annotations(d.getMetadata()).put(REVISION, String.valueOf(current.number()));
    d.getMetadata().getAnnotations().remove(DemoAnnotations.PREVIOUS_IMAGES);
    d.getMetadata().getAnnotations().remove(DemoAnnotations.ROLLED_OUT_AT);
    long generation = revisions.size();
    d.getMetadata().setGeneration(generation);
    d.setStatus(status(generation, replicas, total, updated, ready, maxUnavailable, stuck, newName, current.created()));
    if (stuck) {
      ctx.events.add(EventFactory.event(d, "Normal", "ScalingReplicaSet", "Scaled up replica set " + newName
          + " from 0 to " + revisions.getLast().replicas(), "deployment-controller", null, null, 1,
          current.created(), current.created(), ctx.random));
    }
    ctx.output.add(d);
  }

  /** Revisions oldest first; earlier ones differ in the first container's image and carry no fault. */
  List<Revision> revisions(io.fabric8.kubernetes.api.model.HasMetadata owner, PodTemplateSpec template,
      int replicas) {
    Map<String, String> annotations = annotations(owner.getMetadata());
    String previous = annotations.getOrDefault(DemoAnnotations.PREVIOUS_IMAGES, "");
    List<String> images = previous.isBlank() ? List.of()
        : java.util.Arrays.stream(previous.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    Instant created = ctx.created(owner);
    Instant rolledOut = annotations.containsKey(DemoAnnotations.ROLLED_OUT_AT)
        ? Times.parse(annotations.get(DemoAnnotations.ROLLED_OUT_AT)) : created;
    List<Revision> revisions = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      PodTemplateSpec old = Serialization.clone(template);
      old.getSpec().getContainers().getFirst().setImage(images.get(i));
      if (old.getMetadata() != null && old.getMetadata().getAnnotations() != null) {
        old.getMetadata().getAnnotations().remove(DemoAnnotations.FAULT);
        old.getMetadata().getAnnotations().remove(DemoAnnotations.FAULT_REPLICAS);
      }
      Instant at = created.plus(Duration.between(created, rolledOut).multipliedBy(i).dividedBy(images.size()));
      revisions.add(new Revision(old, TemplateHash.of(old), i + 1, at, 0));
    }
    revisions.add(new Revision(template, TemplateHash.of(template), images.size() + 1, rolledOut, replicas));
    return revisions;
  }

  private ReplicaSet replicaSet(Deployment d, Revision revision) {
    String name = d.getMetadata().getName() + "-" + revision.hash();
    String namespace = d.getMetadata().getNamespace();
    PodTemplateSpec template = Serialization.clone(revision.template());
    labels(template.getMetadata()).put(TemplateHash.LABEL, revision.hash());
    LabelSelector selector = Serialization.clone(d.getSpec().getSelector());
    selector.getMatchLabels().put(TemplateHash.LABEL, revision.hash());
    ReplicaSet rs = new ReplicaSet();
    rs.setApiVersion("apps/v1");
    rs.setKind("ReplicaSet");
    ObjectMeta meta = new ObjectMeta();
    meta.setName(name);
    meta.setNamespace(namespace);
    meta.setUid(ctx.uid("ReplicaSet", namespace, name));
    meta.setCreationTimestamp(Times.format(revision.created()));
    meta.setLabels(new LinkedHashMap<>(template.getMetadata().getLabels()));
    meta.setAnnotations(new LinkedHashMap<>(Map.of(REVISION, String.valueOf(revision.number()),
        "deployment.kubernetes.io/desired-replicas", String.valueOf(d.getSpec().getReplicas()),
        "deployment.kubernetes.io/max-replicas", String.valueOf(d.getSpec().getReplicas() + 1))));
    meta.setOwnerReferences(List.of(PodFactory.controllerRef("apps/v1", "Deployment", d.getMetadata().getName(),
        d.getMetadata().getUid())));
    meta.setGeneration(1L);
    rs.setMetadata(meta);
    rs.setSpec(new io.fabric8.kubernetes.api.model.apps.ReplicaSetSpecBuilder().withReplicas(revision.replicas())
        .withSelector(selector).withTemplate(template).build());
    return rs;
  }

  /** The pods of a ReplicaSet-like owner. */
  List<Pod> pods(ReplicaSet rs, Revision revision) {
    OwnerReference owner = PodFactory.controllerRef("apps/v1", "ReplicaSet", rs.getMetadata().getName(),
        rs.getMetadata().getUid());
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < revision.replicas(); i++) {
      Instant started = revision.created().plusSeconds(20 + i * 7L);
      pods.add(ctx.pod(rs.getSpec().getTemplate(), PodFactory.generatedName(rs.getMetadata().getName(), ctx.random),
          rs.getMetadata().getNamespace(), owner, Map.of(), started, i));
    }
    return pods;
  }

  private DeploymentStatus status(long generation, int replicas, int total, int updated, int ready,
      int maxUnavailable, boolean stuck, String newName, Instant rolledOut) {
    DeploymentStatus status = new DeploymentStatus();
    status.setObservedGeneration(generation);
    status.setReplicas(total);
    status.setUpdatedReplicas(updated);
    status.setReadyReplicas(ready);
    status.setAvailableReplicas(ready);
    if (total - ready > 0) {
      status.setUnavailableReplicas(total - ready);
    }
    String now = Times.format(ctx.now);
    boolean available = ready >= replicas - maxUnavailable;
    List<DeploymentCondition> conditions = new ArrayList<>();
    conditions.add(new DeploymentConditionBuilder().withType("Available").withStatus(available ? "True" : "False")
        .withReason(available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable")
        .withMessage(available ? "Deployment has minimum availability." : "Deployment does not have minimum "
            + "availability.")
        .withLastUpdateTime(now).withLastTransitionTime(Times.format(rolledOut.plusSeconds(40))).build());
    if (stuck) {
      conditions.add(new DeploymentConditionBuilder().withType("Progressing").withStatus("False")
          .withReason("ProgressDeadlineExceeded").withMessage("ReplicaSet \"" + newName + "\" has timed out "
              + "progressing.").withLastUpdateTime(Times.format(rolledOut.plusSeconds(600)))
          .withLastTransitionTime(Times.format(rolledOut.plusSeconds(600))).build());
    } else {
      conditions.add(new DeploymentConditionBuilder().withType("Progressing").withStatus("True")
          .withReason("NewReplicaSetAvailable").withMessage("ReplicaSet \"" + newName + "\" has successfully "
              + "progressed.").withLastUpdateTime(Times.format(rolledOut.plusSeconds(60)))
          .withLastTransitionTime(Times.format(rolledOut)).build());
    }
    status.setConditions(conditions);
    return status;
  }

  static Map<String, String> annotations(ObjectMeta meta) {
    if (meta.getAnnotations() == null) {
      meta.setAnnotations(new LinkedHashMap<>());
    } else if (!(meta.getAnnotations() instanceof LinkedHashMap)) {
      meta.setAnnotations(new LinkedHashMap<>(meta.getAnnotations()));
    }
    return meta.getAnnotations();
  }

  static Map<String, String> labels(ObjectMeta meta) {
    if (meta.getLabels() == null) {
      meta.setLabels(new LinkedHashMap<>());
    } else if (!(meta.getLabels() instanceof LinkedHashMap)) {
      meta.setLabels(new LinkedHashMap<>(meta.getLabels()));
    }
    return meta.getLabels();
  }
}
