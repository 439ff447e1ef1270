package dev.pilothouse.demo.simulator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/** What a tick's controllers share: the cluster's admin client, the seeded random, the tick's time and events. */
final class SimulationContext {

  private static final Logger LOG = Logger.getLogger(SimulationContext.class.getName());

  static final ResourceDefinitionContext WORKFLOWS = crd("argoproj.io", "v1alpha1", "workflows", "Workflow");
  static final ResourceDefinitionContext ROLLOUTS = crd("argoproj.io", "v1alpha1", "rollouts", "Rollout");
  static final ResourceDefinitionContext PIPELINE_RUNS = crd("tekton.dev", "v1", "pipelineruns", "PipelineRun");
  static final ResourceDefinitionContext TASK_RUNS = crd("tekton.dev", "v1", "taskruns", "TaskRun");
  static final ResourceDefinitionContext INFERENCE_SERVICES = crd("serving.kserve.io", "v1beta1",
      "inferenceservices", "InferenceService");
  static final ResourceDefinitionContext TOOLHIVE_SERVERS = crd("toolhive.stacklok.dev", "v1alpha1", "mcpservers",
      "MCPServer");
  static final ResourceDefinitionContext REMOTE_MCP_SERVERS = crd("kagent.dev", "v1alpha2", "remotemcpservers",
      "RemoteMCPServer");

  final String cluster;
  final KubernetesClient client;
  final Random random;
  final EventRecorder events;
  Instant now = Instant.now();
  /** The number of the current tick (1 for the first). */
  long tick;

  /** True on every {@code period}-th tick: slow processes (crash loops, probes) act on those only. */
  boolean every(int period) {
    return tick % period == 0;
  }

  SimulationContext(String cluster, KubernetesClient client, long seed) {
    this.cluster = cluster;
    this.client = client;
    this.random = new Random(seed);
    this.events = new EventRecorder(this);
  }

  /**
   * Runs one write; a conflict (someone changed the object since we read it) or a vanished object just means
   * "try again next tick", as for a real controller.
   */
  boolean attempt(String what, Runnable write) {
    try {
      write.run();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409 && e.getCode() != 404) {
        LOG.log(Level.FINE, e, () -> cluster + ": " + what + " failed");
      }
      return false;
    }
  }

  /** Writes a custom resource's status subresource (as the controller of that kind does). */
  boolean updateStatus(ResourceDefinitionContext definition, GenericKubernetesResource resource) {
    return attempt("status of " + resource.getKind() + " " + resource.getMetadata().getName(), () -> client
        .genericKubernetesResources(definition).inNamespace(resource.getMetadata().getNamespace()).resource(resource)
        .updateStatus());
  }

  /** Custom resources of a CRD, or none when the CRD is not installed (404). */
  List<GenericKubernetesResource> customResources(ResourceDefinitionContext definition) {
    return orEmpty(() -> client.genericKubernetesResources(definition).inAnyNamespace().list().getItems());
  }

  static <T> List<T> orEmpty(Supplier<List<T>> list) {
    try {
      return list.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return List.of();
      }
      throw e;
    }
  }

  static @Nullable OwnerReference controllerOf(HasMetadata object) {
    if (object.getMetadata().getOwnerReferences() == null) {
      return null;
    }
    for (OwnerReference ref : object.getMetadata().getOwnerReferences()) {
      if (Boolean.TRUE.equals(ref.getController())) {
        return ref;
      }
    }
    return null;
  }

  static boolean ownedBy(HasMetadata object, HasMetadata owner) {
    OwnerReference ref = controllerOf(object);
    return ref != null && owner.getMetadata().getUid().equals(ref.getUid());
  }

  private static ResourceDefinitionContext crd(String group, String version, String plural, String kind) {
    return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withPlural(plural)
        .withKind(kind).withNamespaced(true).build();
  }
}
