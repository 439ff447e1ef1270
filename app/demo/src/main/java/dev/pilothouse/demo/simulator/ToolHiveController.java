package dev.pilothouse.demo.simulator;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The ToolHive operator's status reporting: each MCPServer's phase, message and Ready condition follow the pods of
 * its Deployment (named like the server). A ready pod means Running; a pod that keeps crashing or cannot pull its
 * image means Failed, with the kubelet's reason in the message; anything else is Pending while the server starts.
 */
final class ToolHiveController implements Controller {

  @Override
  public void reconcile(SimulationContext ctx) {
    List<GenericKubernetesResource> servers = ctx.customResources(SimulationContext.TOOLHIVE_SERVERS);
    for (GenericKubernetesResource server : servers) {
      String namespace = server.getMetadata().getNamespace();
      Deployment deployment = ctx.client.apps().deployments().inNamespace(namespace)
          .withName(server.getMetadata().getName()).get();
      if (deployment == null || deployment.getSpec().getSelector() == null) {
        continue;
      }
      List<Pod> pods = ctx.client.pods().inNamespace(namespace)
          .withLabels(deployment.getSpec().getSelector().getMatchLabels()).list().getItems();
      Map<String, Object> status = Nested.child(server.getAdditionalProperties(), "status");
      Object before = Nested.copy(status);
      report(ctx, server, deployment, pods, status);
      if (!Objects.equals(before, status)) {
        ctx.updateStatus(SimulationContext.TOOLHIVE_SERVERS, server);
        if ("Failed".equals(status.get("phase"))) {
          ctx.events.record(server, "Warning", "DeploymentNotReady", String.valueOf(status.get("message")),
              "toolhive-operator", null);
        }
      }
    }
  }

  private static void report(SimulationContext ctx, GenericKubernetesResource server, Deployment deployment,
      List<Pod> pods, Map<String, Object> status) {
    int desired = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
    long ready = pods.stream().filter(ToolHiveController::ready).count();
    String problem = pods.stream().map(ToolHiveController::problem).filter(Objects::nonNull).findFirst()
        .orElse(null);
    if (ready > 0) {
      status.put("phase", "Running");
      status.put("message", "MCP server is running");
      Nested.setCondition(status, "Ready", "True", "DeploymentReady", null, ctx.now);
    } else if (problem != null) {
      status.put("phase", "Failed");
      status.put("message", "Deployment " + server.getMetadata().getName() + " has 0/" + desired
          + " ready replicas: " + problem);
      Nested.setCondition(status, "Ready", "False", "DeploymentNotReady", String.valueOf(status.get("message")),
          ctx.now);
    } else {
      status.put("phase", "Pending");
      status.put("message", "MCP server is starting");
      Nested.setCondition(status, "Ready", "False", "DeploymentNotReady", "Deployment "
          + server.getMetadata().getName() + " has 0/" + desired + " ready replicas", ctx.now);
    }
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null
        && !pod.getStatus().getContainerStatuses().isEmpty()
        && pod.getStatus().getContainerStatuses().stream().allMatch(c -> Boolean.TRUE.equals(c.getReady()));
  }

  /** Why a pod's container cannot serve, in the kubelet's words; null when nothing is wrong (yet). */
  private static @Nullable String problem(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return null;
    }
    for (ContainerStatus c : pod.getStatus().getContainerStatuses()) {
      var waiting = c.getState() == null ? null : c.getState().getWaiting();
      if (waiting != null && waiting.getReason() != null && waiting.getReason().contains("ImagePull")) {
        return "Back-off pulling image \"" + c.getImage() + "\"";
      }
      boolean crashing = waiting != null && "CrashLoopBackOff".equals(waiting.getReason())
          || c.getRestartCount() != null && c.getRestartCount() > 0 && !Boolean.TRUE.equals(c.getReady());
      if (crashing) {
        return "back-off restarting failed container " + c.getName() + " in pod " + pod.getMetadata().getName();
      }
    }
    return null;
  }
}
