package dev.pilothouse.demo.simulator;

import dev.pilothouse.demo.scenario.DemoAnnotations;
import dev.pilothouse.demo.scenario.PodFactory;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The ReplicaSet controller: creates or deletes pods until a ReplicaSet has {@code spec.replicas} of them (deleting
 * unscheduled, then unready, then the newest first) and reports replicas, ready and available in its status.
 */
final class ReplicaSetController implements Controller {

  @Override
  public void reconcile(SimulationContext ctx) {
    List<Pod> pods = ctx.client.pods().inAnyNamespace().list().getItems();
    for (ReplicaSet rs : ctx.client.apps().replicaSets().inAnyNamespace().list().getItems()) {
      List<Pod> owned = new ArrayList<>(pods.stream().filter(p -> SimulationContext.ownedBy(p, rs))
          .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList());
      int desired = rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
      if (owned.size() < desired) {
        create(ctx, rs, owned, desired - owned.size());
      } else if (owned.size() > desired) {
        owned.sort(Comparator.comparingInt(ReplicaSetController::deletionRank)
            .thenComparing(p -> p.getMetadata().getCreationTimestamp(), Comparator.reverseOrder()));
        for (Pod victim : owned.subList(0, owned.size() - desired)) {
          ctx.attempt("delete pod " + victim.getMetadata().getName(), () ->
              ctx.client.pods().inNamespace(victim.getMetadata().getNamespace())
                  .withName(victim.getMetadata().getName()).delete());
        }
        owned = new ArrayList<>(owned.subList(owned.size() - desired, owned.size()));
      }
      updateStatus(ctx, rs, owned);
    }
  }

  private void create(SimulationContext ctx, ReplicaSet rs, List<Pod> owned, int count) {
    OwnerReference owner = PodFactory.controllerRef("apps/v1", "ReplicaSet", rs.getMetadata().getName(),
        rs.getMetadata().getUid());
    Map<String, String> annotations = rs.getSpec().getTemplate().getMetadata() == null ? null
        : rs.getSpec().getTemplate().getMetadata().getAnnotations();
    int faultLimit = annotations == null || !annotations.containsKey(DemoAnnotations.FAULT) ? 0
        : annotations.containsKey(DemoAnnotations.FAULT_REPLICAS)
            ? Integer.parseInt(annotations.get(DemoAnnotations.FAULT_REPLICAS).trim()) : Integer.MAX_VALUE;
    long faulty = owned.stream().filter(p -> p.getMetadata().getAnnotations() != null
        && p.getMetadata().getAnnotations().containsKey(DemoAnnotations.FAULT)).count();
    for (int i = 0; i < count; i++) {
      Pod pod = PodFactory.fromTemplate(rs.getSpec().getTemplate(),
          PodFactory.generatedName(rs.getMetadata().getName(), ctx.random), rs.getMetadata().getNamespace(), owner,
          Map.of(), ctx.now);
      pod.getMetadata().setCreationTimestamp(null);
      pod.setStatus(null);
      if (faulty >= faultLimit && pod.getMetadata().getAnnotations() != null) {
        pod.getMetadata().getAnnotations().remove(DemoAnnotations.FAULT);
        pod.getMetadata().getAnnotations().remove(DemoAnnotations.FAULT_REPLICAS);
      } else if (faultLimit > 0) {
        faulty++;
      }
      boolean created = ctx.attempt("create pod for " + rs.getMetadata().getName(), () ->
          owned.add(ctx.client.pods().inNamespace(rs.getMetadata().getNamespace()).resource(pod).create()));
      if (created) {
        ctx.events.record(rs, "Normal", "SuccessfulCreate", "Created pod: " + pod.getMetadata().getName(),
            "replicaset-controller", null);
      }
    }
  }

  private void updateStatus(SimulationContext ctx, ReplicaSet rs, List<Pod> owned) {
    int ready = (int) owned.stream().filter(ReplicaSetController::isReady).count();
    ReplicaSetStatus status = new ReplicaSetStatusBuilder().withReplicas(owned.size())
        .withFullyLabeledReplicas(owned.size()).withReadyReplicas(ready).withAvailableReplicas(ready)
        .withObservedGeneration(rs.getMetadata().getGeneration()).build();
    ReplicaSetStatus current = rs.getStatus();
    if (current != null && Objects.equals(current.getReplicas(), status.getReplicas())
        && Objects.equals(orZero(current.getReadyReplicas()), ready)
        && Objects.equals(orZero(current.getAvailableReplicas()), ready)
        && Objects.equals(current.getObservedGeneration(), status.getObservedGeneration())) {
      return;
    }
    rs.setStatus(status);
    ctx.attempt("status of " + rs.getMetadata().getName(), () ->
        ctx.client.apps().replicaSets().inNamespace(rs.getMetadata().getNamespace()).resource(rs).updateStatus());
  }

  static boolean isReady(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
        .stream().anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
  }

  /** Lower goes first: unscheduled, then not ready, then ready. */
  private static int deletionRank(Pod pod) {
    if (pod.getSpec().getNodeName() == null) {
      return 0;
    }
    return isReady(pod) ? 2 : 1;
  }

  private static int orZero(@Nullable Integer value) {
    return value == null ? 0 : value;
  }
}
