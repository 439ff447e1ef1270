package dev.pilothouse.demo.scenario;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** StatefulSets (ordinal pods) and DaemonSets (a pod on every node that the template selects and tolerates). */
final class SetMaterializer {

  private final MaterializeContext ctx;

  SetMaterializer(MaterializeContext ctx) {
    this.ctx = ctx;
  }

  void statefulSet(StatefulSet sts) {
    ctx.ensureUid(sts);
    int replicas = sts.getSpec().getReplicas() == null ? 1 : sts.getSpec().getReplicas();
    sts.getSpec().setReplicas(replicas);
    String name = sts.getMetadata().getName();
    String revision = name + "-" + TemplateHash.of(sts.getSpec().getTemplate());
    OwnerReference owner = PodFactory.controllerRef("apps/v1", "StatefulSet", name, sts.getMetadata().getUid());
    List<Pod> pods = new ArrayList<>();
    Instant created = ctx.created(sts);
    for (int i = 0; i < replicas; i++) {
      pods.add(ctx.pod(sts.getSpec().getTemplate(), name + "-" + i, sts.getMetadata().getNamespace(), owner,
          Map.of("controller-revision-hash", revision, "statefulset.kubernetes.io/pod-name", name + "-" + i,
              "apps.kubernetes.io/pod-index", String.valueOf(i)), created.plusSeconds(30 + 40L * i), i));
    }
    int ready = MaterializeContext.readyCount(pods);
    sts.getMetadata().setGeneration(1L);
    sts.setStatus(new StatefulSetStatusBuilder().withObservedGeneration(1L).withReplicas(replicas)
        .withReadyReplicas(ready).withCurrentReplicas(replicas).withUpdatedReplicas(replicas)
        .withAvailableReplicas(ready).withCurrentRevision(revision).withUpdateRevision(revision)
        .withCollisionCount(0).build());
    ctx.output.add(sts);
  }

  void daemonSet(DaemonSet ds) {
    ctx.ensureUid(ds);
    String name = ds.getMetadata().getName();
    OwnerReference owner = PodFactory.controllerRef("apps/v1", "DaemonSet", name, ds.getMetadata().getUid());
    String revision = TemplateHash.of(ds.getSpec().getTemplate());
    Instant created = ctx.created(ds);
    List<Node> nodes = ctx.placement.daemonNodes(ds.getSpec().getTemplate().getSpec());
    List<Pod> pods = new ArrayList<>();
    for (Node node : nodes) {
      String podName = PodFactory.generatedName(name, ctx.random);
      Instant nodeCreated = Times.parse(node.getMetadata().getCreationTimestamp());
      Instant started = (nodeCreated.isAfter(created) ? nodeCreated : created).plusSeconds(25);
      Pod pod = PodFactory.fromTemplate(ds.getSpec().getTemplate(), podName, ds.getMetadata().getNamespace(), owner,
          Map.of("controller-revision-hash", revision, "pod-template-generation", "1"), started.minusSeconds(5));
      pod.getMetadata().setUid(ctx.uid("Pod", ds.getMetadata().getNamespace(), podName));
      ctx.run(pod, node, started);
      ctx.placement.account(pod);
      ctx.output.add(pod);
      pods.add(pod);
    }
    int ready = MaterializeContext.readyCount(pods);
    ds.getMetadata().setGeneration(1L);
    ds.setStatus(new DaemonSetStatusBuilder().withObservedGeneration(1L).withDesiredNumberScheduled(nodes.size())
        .withCurrentNumberScheduled(nodes.size()).withNumberReady(ready).withNumberAvailable(ready)
        .withUpdatedNumberScheduled(nodes.size()).withNumberMisscheduled(0).build());
    ctx.output.add(ds);
  }
}
