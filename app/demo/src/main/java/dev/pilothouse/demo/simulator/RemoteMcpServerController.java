package dev.pilothouse.demo.simulator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * kagent's RemoteMCPServer reconciler, for the remote servers that are ToolHive proxies in the same cluster (their
 * URL's host and port are a ToolHive MCPServer's {@code status.url}): kagent lists the server's tools on every
 * reconcile, so while the ToolHive server is not running the listing fails and {@code Accepted} (and
 * {@code Ready}) turn False with the connection error; the tools found earlier stay in {@code discoveredTools}, as
 * kagent keeps them. Other remote servers are left as they are.
 */
final class RemoteMcpServerController implements Controller {

  @Override
  public void reconcile(SimulationContext ctx) {
    List<GenericKubernetesResource> remotes = ctx.customResources(SimulationContext.REMOTE_MCP_SERVERS);
    if (remotes.isEmpty()) {
      return;
    }
    List<GenericKubernetesResource> toolHive = ctx.customResources(SimulationContext.TOOLHIVE_SERVERS);
    for (GenericKubernetesResource remote : remotes) {
      String url = Nested.string(Nested.map(remote.getAdditionalProperties().get("spec")), "url");
      GenericKubernetesResource server = toolHive.stream()
          .filter(t -> sameEndpoint(url, Nested.string(Nested.map(t.getAdditionalProperties().get("status")), "url")))
          .findFirst().orElse(null);
      if (server == null) {
        continue;
      }
      Map<String, Object> status = Nested.child(remote.getAdditionalProperties(), "status");
      Object before = Nested.copy(status);
      boolean reachable = "Running".equals(Nested.map(server.getAdditionalProperties().get("status")).get("phase"));
      if (reachable) {
        Nested.setCondition(status, "Accepted", "True", "Reconciled", "Remote MCP server configuration accepted",
            ctx.now);
        Nested.setCondition(status, "Ready", "True", "ToolsDiscovered", Nested.maps(status.get("discoveredTools"))
            .size() + " tools discovered", ctx.now);
      } else {
        URI endpoint = uri(url);
        String address = endpoint == null ? url : endpoint.getHost() + ":" + endpoint.getPort();
        String message = "failed to list tools of " + remote.getMetadata().getName() + ": dial tcp " + address
            + ": connect: connection refused";
        Nested.setCondition(status, "Accepted", "False", "ReconcileFailed", message, ctx.now);
        Nested.setCondition(status, "Ready", "False", "ReconcileFailed", message, ctx.now);
      }
      if (!Objects.equals(before, status)) {
        ctx.updateStatus(SimulationContext.REMOTE_MCP_SERVERS, remote);
        if (!reachable) {
          ctx.events.record(remote, "Warning", "ReconcileFailed", String.valueOf(Nested.condition(status, "Accepted")
              .get("message")), "kagent-controller", null);
        }
      }
    }
  }

  private static boolean sameEndpoint(String a, String b) {
    URI x = uri(a);
    URI y = uri(b);
    return x != null && y != null && x.getHost() != null && x.getHost().equals(y.getHost())
        && x.getPort() == y.getPort();
  }

  private static @Nullable URI uri(String text) {
    try {
      return text.isEmpty() ? null : URI.create(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
