package dev.pilothouse.demo.simulator;

import dev.pilothouse.demo.scenario.PodFactory;
import dev.pilothouse.demo.scenario.TemplateHash;
import dev.pilothouse.demo.scenario.Times;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Deployment controller: a changed pod template rolls out through a new ReplicaSet (revision max+1, or an old
 * ReplicaSet with the same template brought back, as for an undo) while old ones scale down within maxSurge and
 * maxUnavailable; a changed replica count scales the current ReplicaSet; {@code spec.paused} halts the rollout. The
 * status (observedGeneration, replica counts, Available and Progressing) is maintained as the real controller does,
 * including ProgressDeadlineExceeded when a rollout makes no progress for progressDeadlineSeconds.
 */
final class DeploymentController implements Controller {

  static final String REVISION = "deployment.kubernetes.io/revision";

  @Override
  public void reconcile(SimulationContext ctx) {
    List<ReplicaSet> all = ctx.client.apps().replicaSets().inAnyNamespace().list().getItems();
    for (Deployment d : ctx.client.apps().deployments().inAnyNamespace().list().getItems()) {
      if (d.getMetadata().getDeletionTimestamp() == null) {
        reconcile(ctx, d, all.stream().filter(rs -> SimulationContext.ownedBy(rs, d)).toList());
      }
    }
  }

  private void reconcile(SimulationContext ctx, Deployment d, List<ReplicaSet> owned) {
    int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    boolean paused = Boolean.TRUE.equals(d.getSpec().getPaused());
    String hash = TemplateHash.of(d.getSpec().getTemplate());
    ReplicaSet newRs = owned.stream().filter(rs -> hash.equals(label(rs))).findFirst().orElse(null);
    int maxRevision = owned.stream().mapToInt(DeploymentController::revision).max().orElse(0);
    boolean progressed = false;
    if (!paused) {
      if (newRs == null) {
        newRs = createReplicaSet(ctx, d, hash, maxRevision + 1, owned.stream().allMatch(rs -> replicas(rs) == 0)
            ? desired : 0);
        if (newRs == null) {
          return;
        }
        progressed = true;
      } else if (revision(newRs) < maxRevision) {
        // Rolling back to an older template reuses its ReplicaSet as the newest revision.
        ReplicaSet reused = newRs;
        reused.getMetadata().getAnnotations().put(REVISION, String.valueOf(maxRevision + 1));
        ctx.attempt("bump revision of " + reused.getMetadata().getName(), () -> ctx.client.apps().replicaSets()
            .inNamespace(reused.getMetadata().getNamespace()).resource(reused).update());
        progressed = true;
      }
      progressed |= rollOrScale(ctx, d, newRs, owned, desired);
      annotateRevision(ctx, d, newRs);
    }
    updateStatus(ctx, d, newRs, owned, desired, paused, progressed);
  }

  /** The Deployment carries the revision of its newest ReplicaSet, as kubectl rollout history expects. */
  private static void annotateRevision(SimulationContext ctx, Deployment d, ReplicaSet newRs) {
    String revision = newRs.getMetadata().getAnnotations().get(REVISION);
    Map<String, String> annotations = d.getMetadata().getAnnotations() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(d.getMetadata().getAnnotations());
    if (revision == null || revision.equals(annotations.get(REVISION))) {
      return;
    }
    annotations.put(REVISION, revision);
    d.getMetadata().setAnnotations(annotations);
    ctx.attempt("annotate " + d.getMetadata().getName(), () -> {
      Deployment updated = ctx.client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(d)
          .update();
      d.getMetadata().setResourceVersion(updated.getMetadata().getResourceVersion());
    });
  }

  /** One step of the rolling update (or a plain scale); true when a ReplicaSet was resized. */
  private boolean rollOrScale(SimulationContext ctx, Deployment d, ReplicaSet newRs, List<ReplicaSet> owned,
      int desired) {
    List<ReplicaSet> old = owned.stream().filter(rs -> !rs.getMetadata().getUid().equals(newRs.getMetadata()
        .getUid())).filter(rs -> replicas(rs) > 0).sorted(Comparator.comparingInt(DeploymentController::revision))
        .toList();
    if (old.isEmpty()) {
      return replicas(newRs) != desired && scale(ctx, d, newRs, desired);
    }
    boolean changed = false;
    if ("Recreate".equals(d.getSpec().getStrategy() == null ? null : d.getSpec().getStrategy().getType())) {
      for (ReplicaSet rs : old) {
        changed |= scale(ctx, d, rs, 0);
      }
      return changed;
    }
    int maxSurge = resolve(d, true, desired);
    int maxUnavailable = resolve(d, false, desired);
    if (maxSurge == 0 && maxUnavailable == 0) {
      maxUnavailable = 1;
    }
    int total = owned.stream().mapToInt(DeploymentController::replicas).sum();
    int room = desired + maxSurge - total;
    if (room > 0 && replicas(newRs) < desired) {
      changed |= scale(ctx, d, newRs, Math.min(desired, replicas(newRs) + room));
    }
    int available = owned.stream().mapToInt(DeploymentController::available).sum();
    int removable = available - (desired - maxUnavailable);
    for (ReplicaSet rs : old) {
      int unhealthy = Math.max(0, replicas(rs) - available(rs));
      int cut = Math.min(replicas(rs), unhealthy + Math.max(0, removable));
      if (cut > 0) {
        removable -= Math.max(0, cut - unhealthy);
        changed |= scale(ctx, d, rs, replicas(rs) - cut);
      }
    }
    return changed;
  }

  private @Nullable ReplicaSet createReplicaSet(SimulationContext ctx, Deployment d, String hash, int revision,
      int replicas) {
    PodTemplateSpec template = Serialization.clone(d.getSpec().getTemplate());
    Map<String, String> labels = new LinkedHashMap<>(template.getMetadata().getLabels() == null ? Map.of()
        : template.getMetadata().getLabels());
    labels.put(TemplateHash.LABEL, hash);
    template.getMetadata().setLabels(labels);
    LabelSelector selector = Serialization.clone(d.getSpec().getSelector());
    selector.getMatchLabels().put(TemplateHash.LABEL, hash);
    ReplicaSet rs = new ReplicaSetBuilder()
        .withMetadata(new ObjectMetaBuilder().withName(d.getMetadata().getName() + "-" + hash)
            .withNamespace(d.getMetadata().getNamespace()).withLabels(labels)
            .withAnnotations(Map.of(REVISION, String.valueOf(revision),
                "deployment.kubernetes.io/desired-replicas", String.valueOf(d.getSpec().getReplicas()),
                "deployment.kubernetes.io/max-replicas", String.valueOf(d.getSpec().getReplicas() + 1)))
            .withOwnerReferences(PodFactory.controllerRef("apps/v1", "Deployment", d.getMetadata().getName(),
                d.getMetadata().getUid()))
            .build())
        .withNewSpec().withReplicas(replicas).withSelector(selector).withTemplate(template).endSpec()
        .build();
    ReplicaSet[] created = new ReplicaSet[1];
    ctx.attempt("create ReplicaSet " + rs.getMetadata().getName(), () -> created[0] = ctx.client.apps()
        .replicaSets().inNamespace(d.getMetadata().getNamespace()).resource(rs).create());
    if (created[0] != null && replicas > 0) {
      ctx.events.record(d, "Normal", "ScalingReplicaSet", "Scaled up replica set " + rs.getMetadata().getName()
          + " from 0 to " + replicas, "deployment-controller", null);
    }
    return created[0];
  }

  private boolean scale(SimulationContext ctx, Deployment d, ReplicaSet rs, int to) {
    int from = replicas(rs);
    if (from == to) {
      return false;
    }
    rs.getSpec().setReplicas(to);
    boolean done = ctx.attempt("scale " + rs.getMetadata().getName(), () -> ctx.client.apps().replicaSets()
        .inNamespace(rs.getMetadata().getNamespace()).resource(rs).update());
    if (done) {
      ctx.events.record(d, "Normal", "ScalingReplicaSet", "Scaled " + (to > from ? "up" : "down") + " replica set "
          + rs.getMetadata().getName() + " from " + from + " to " + to, "deployment-controller", null);
    }
    return done;
  }

  private void updateStatus(SimulationContext ctx, Deployment d, @Nullable ReplicaSet newRs, List<ReplicaSet> owned,
      int desired, boolean paused, boolean progressed) {
    int total = owned.stream().mapToInt(rs -> orZero(rs.getStatus() == null ? null : rs.getStatus().getReplicas()))
        .sum();
    int specTotal = owned.stream().mapToInt(DeploymentController::replicas).sum();
    int ready = owned.stream().mapToInt(rs -> orZero(rs.getStatus() == null ? null
        : rs.getStatus().getReadyReplicas())).sum();
    int available = owned.stream().mapToInt(DeploymentController::available).sum();
    int updated = newRs == null || newRs.getStatus() == null ? 0 : orZero(newRs.getStatus().getReplicas());
    int maxUnavailable = resolve(d, false, desired);
    DeploymentStatus old = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    DeploymentStatus status = new DeploymentStatus();
    status.setObservedGeneration(d.getMetadata().getGeneration());
    status.setReplicas(total);
    status.setUpdatedReplicas(updated);
    status.setReadyReplicas(ready);
    status.setAvailableReplicas(available);
    status.setUnavailableReplicas(specTotal - available > 0 ? specTotal - available : null);
    boolean isAvailable = available >= desired - maxUnavailable;
    List<DeploymentCondition> conditions = new ArrayList<>();
    conditions.add(condition(old, "Available", isAvailable ? "True" : "False",
        isAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
        isAvailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
        ctx.now, false));
    String rsName = newRs == null ? "" : newRs.getMetadata().getName();
    boolean complete = newRs != null && updated == desired && available == desired && total == desired;
    DeploymentCondition previous = find(old, "Progressing");
    if (paused) {
      conditions.add(condition(old, "Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", ctx.now,
          false));
    } else if (complete) {
      conditions.add(condition(old, "Progressing", "True", "NewReplicaSetAvailable",
          "ReplicaSet \"" + rsName + "\" has successfully progressed.", ctx.now, false));
    } else if (progressed || previous == null || "DeploymentPaused".equals(previous.getReason())
        || "NewReplicaSetAvailable".equals(previous.getReason())) {
      conditions.add(condition(old, "Progressing", "True", "ReplicaSetUpdated",
          "ReplicaSet \"" + rsName + "\" is progressing.", ctx.now, true));
    } else if ("ReplicaSetUpdated".equals(previous.getReason()) && deadlinePassed(d, previous, ctx.now)) {
      conditions.add(condition(old, "Progressing", "False", "ProgressDeadlineExceeded",
          "ReplicaSet \"" + rsName + "\" has timed out progressing.", ctx.now, false));
    } else {
      conditions.add(previous);
    }
    status.setConditions(conditions);
    if (sameStatus(old, status)) {
      return;
    }
    d.setStatus(status);
    ctx.attempt("status of " + d.getMetadata().getName(), () -> ctx.client.apps().deployments()
        .inNamespace(d.getMetadata().getNamespace()).resource(d).updateStatus());
  }

  /** A condition that keeps its transition time while its status stays, as the real controller's do. */
  private static DeploymentCondition condition(DeploymentStatus old, String type, String status, String reason,
      String message, Instant now, boolean touch) {
    DeploymentCondition existing = find(old, type);
    boolean same = existing != null && status.equals(existing.getStatus()) && reason.equals(existing.getReason());
    if (same && !touch) {
      return existing;
    }
    String transition = existing != null && status.equals(existing.getStatus()) ? existing.getLastTransitionTime()
        : Times.format(now);
    return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason)
        .withMessage(message).withLastUpdateTime(Times.format(now)).withLastTransitionTime(transition).build();
  }

  private static boolean deadlinePassed(Deployment d, DeploymentCondition progressing, Instant now) {
    int seconds = d.getSpec().getProgressDeadlineSeconds() == null ? 600 : d.getSpec().getProgressDeadlineSeconds();
    return progressing.getLastUpdateTime() != null
        && Times.parse(progressing.getLastUpdateTime()).plus(Duration.ofSeconds(seconds)).isBefore(now);
  }

  private static boolean sameStatus(DeploymentStatus a, DeploymentStatus b) {
    return Objects.equals(a.getObservedGeneration(), b.getObservedGeneration())
        && orZero(a.getReplicas()) == orZero(b.getReplicas())
        && orZero(a.getUpdatedReplicas()) == orZero(b.getUpdatedReplicas())
        && orZero(a.getReadyReplicas()) == orZero(b.getReadyReplicas())
        && orZero(a.getAvailableReplicas()) == orZero(b.getAvailableReplicas())
        && Objects.equals(a.getConditions(), b.getConditions());
  }

  private static @Nullable DeploymentCondition find(DeploymentStatus status, String type) {
    return status.getConditions() == null ? null : status.getConditions().stream()
        .filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  /** maxSurge (rounded up) or maxUnavailable (rounded down) as an absolute number. */
  private static int resolve(Deployment d, boolean surge, int desired) {
    var strategy = d.getSpec().getStrategy();
    IntOrString value = strategy == null || strategy.getRollingUpdate() == null ? null
        : surge ? strategy.getRollingUpdate().getMaxSurge() : strategy.getRollingUpdate().getMaxUnavailable();
    if (value == null) {
      value = new IntOrString("25%");
    }
    if (value.getIntVal() != null) {
      return value.getIntVal();
    }
    double percent = Double.parseDouble(value.getStrVal().replace("%", "")) / 100.0;
    return surge ? (int) Math.ceil(desired * percent) : (int) Math.floor(desired * percent);
  }

  private static @Nullable String label(ReplicaSet rs) {
    return rs.getMetadata().getLabels() == null ? null : rs.getMetadata().getLabels().get(TemplateHash.LABEL);
  }

  static int revision(ReplicaSet rs) {
    String value = rs.getMetadata().getAnnotations() == null ? null : rs.getMetadata().getAnnotations().get(REVISION);
    try {
      return value == null ? 0 : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static int replicas(ReplicaSet rs) {
    return rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
  }

  private static int available(ReplicaSet rs) {
    return rs.getStatus() == null ? 0 : orZero(rs.getStatus().getAvailableReplicas());
  }

  private static int orZero(@Nullable Integer value) {
    return value == null ? 0 : value;
  }
}
