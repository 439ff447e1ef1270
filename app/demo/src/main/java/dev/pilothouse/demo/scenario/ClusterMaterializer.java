package dev.pilothouse.demo.scenario;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns one cluster's authored objects into the state a running cluster would be in: nodes completed as kubelets
 * report them, workloads expanded into ReplicaSets and pods placed on nodes (GPU-aware, so an oversized request
 * really stays Pending), statuses filled in, and the events the kubelet, scheduler and controllers would have
 * recorded. Authored events get the uid of the object they refer to.
 */
final class ClusterMaterializer {

  private ClusterMaterializer() {}

  static List<HasMetadata> materialize(String cluster, List<HasMetadata> authored, Instant now, long seed) {
    List<Node> nodes = authored.stream().filter(Node.class::isInstance).map(Node.class::cast).toList();
    MaterializeContext ctx = new MaterializeContext(cluster, now, seed, nodes);
    for (int i = 0; i < nodes.size(); i++) {
      ctx.ensureUid(nodes.get(i));
      NodeDefaults.complete(nodes.get(i), i + 1, now);
      nodeEvents(ctx, nodes.get(i));
    }
    DeploymentMaterializer deployments = new DeploymentMaterializer(ctx);
    RolloutMaterializer rollouts = new RolloutMaterializer(ctx, deployments);
    SetMaterializer sets = new SetMaterializer(ctx);
    BatchMaterializer batch = new BatchMaterializer(ctx);
    TektonMaterializer tekton = new TektonMaterializer(ctx);
    List<Event> authoredEvents = new ArrayList<>();
    // Every authored object gets its uid first, so references between them (owners, events) can be resolved.
    authored.forEach(ctx::ensureUid);
    for (HasMetadata object : authored) {
      if (object.getMetadata().getOwnerReferences() != null) {
        for (var owner : object.getMetadata().getOwnerReferences()) {
          if (owner.getUid() == null) {
            ObjectReference ref = new ObjectReference();
            ref.setKind(owner.getKind());
            ref.setName(owner.getName());
            ref.setNamespace(object.getMetadata().getNamespace());
            resolveUid(ref, authored);
            owner.setUid(ref.getUid());
          }
        }
      }
    }
    // DaemonSets first: they claim their node slots before GPU workloads are placed.
    authored.stream().filter(DaemonSet.class::isInstance).forEach(o -> sets.daemonSet((DaemonSet) o));
    for (HasMetadata object : authored) {
      switch (object) {
        case Node n -> ctx.output.add(n);
        case DaemonSet ignored -> { }
        case Deployment d -> deployments.materialize(d);
        case StatefulSet s -> sets.statefulSet(s);
        case Job j -> batch.job(j);
        case Event e -> authoredEvents.add(e);
        case Pod p -> {
          ctx.ensureUid(p);
          ctx.placement.account(p);
          ctx.output.add(p);
        }
        case GenericKubernetesResource g when g.getKind().equals("Rollout") -> rollouts.materialize(g);
        case GenericKubernetesResource g when g.getKind().equals("Workflow") -> batch.workflow(g);
        case GenericKubernetesResource g when g.getKind().equals("TaskRun") -> tekton.taskRun(g);
        default -> {
          ctx.ensureUid(object);
          ctx.output.add(object);
        }
      }
    }
    for (Event event : authoredEvents) {
      ctx.ensureUid(event);
      resolveUid(event.getInvolvedObject(), ctx.output);
      ctx.output.add(event);
    }
    ctx.output.addAll(ctx.events);
    return ctx.output;
  }

  private static void nodeEvents(MaterializeContext ctx, Node node) {
    for (NodeCondition c : node.getStatus().getConditions()) {
      Instant since = Times.parse(c.getLastTransitionTime());
      if (c.getType().equals("Ready") && !c.getStatus().equals("True")) {
        ctx.events.add(EventFactory.event(node, "Normal", "NodeNotReady", "Node " + node.getMetadata().getName()
            + " status is now: NodeNotReady", "node-controller", null, null, 1, since, since, ctx.random));
      } else if (c.getType().equals("MemoryPressure") && c.getStatus().equals("True")) {
        long minutes = Math.max(1, Duration.between(since, ctx.now).toMinutes());
        ctx.events.add(EventFactory.event(node, "Warning", "EvictionThresholdMet", "Attempting to reclaim memory",
            "kubelet", node.getMetadata().getName(), null, (int) Math.min(200, minutes), since,
            ctx.now.minusSeconds(45), ctx.random));
      }
    }
  }

  private static void resolveUid(ObjectReference ref, List<HasMetadata> objects) {
    if (ref == null || ref.getUid() != null) {
      return;
    }
    for (HasMetadata o : objects) {
      if (Objects.equals(o.getKind(), ref.getKind()) && Objects.equals(o.getMetadata().getName(), ref.getName())
          && Objects.equals(o.getMetadata().getNamespace(), ref.getNamespace())) {
        ref.setUid(o.getMetadata().getUid());
        if (ref.getApiVersion() == null) {
          ref.setApiVersion(o.getApiVersion());
        }
        return;
      }
    }
  }
}
