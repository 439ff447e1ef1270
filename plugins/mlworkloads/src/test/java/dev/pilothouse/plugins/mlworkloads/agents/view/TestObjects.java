package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.plugins.mlworkloads.Fixtures;
import dev.pilothouse.plugins.mlworkloads.agents.AgentKinds;
import dev.pilothouse.plugins.mlworkloads.agents.AgentRow;
import dev.pilothouse.plugins.mlworkloads.fleet.Located;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.List;
import java.util.Map;

/**
 * The objects of the agents tests: the module's fixtures (k8s-agent using RemoteMCPServer kagent-tool-server and
 * agent promql-agent; kagent MCPServer github-mcp; ToolHive MCPServer fetch) and a few more written here, read the
 * way the app reads objects.
 */
final class TestObjects {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private TestObjects() {
    }

    @SuppressWarnings("unchecked")
    static KubeObject yaml(String text) {
        GenericKubernetesResource resource = SERIALIZATION.unmarshal(text, GenericKubernetesResource.class);
        return KubeObject.of(SERIALIZATION.convertValue(resource, Map.class));
    }

    static KubeObject k8sAgent() {
        return Fixtures.load("kagent-agent.yaml");
    }

    static KubeObject githubMcp() {
        return Fixtures.load("kagent-mcpserver-not-ready.yaml");
    }

    static KubeObject toolServer() {
        return Fixtures.load("kagent-remotemcpserver.yaml");
    }

    static KubeObject fetch() {
        return Fixtures.load("toolhive-mcpserver.yaml");
    }

    static KubeObject promqlAgent() {
        return yaml("""
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata: {name: promql-agent, namespace: kagent, uid: a-promql, generation: 1}
                spec:
                  type: Declarative
                  declarative: {modelConfig: default-model-config, systemMessage: PromQL}
                status:
                  observedGeneration: 1
                  conditions:
                  - {type: Accepted, status: "True", reason: AgentReconciled}
                  - {type: Ready, status: "True", reason: DeploymentReady}
                """);
    }

    /**
     * An agent in another namespace using every kind of reference: kagent's MCPServer with the kind omitted, a
     * ToolHive MCPServer named directly (which kagent refuses), a RemoteMCPServer that does not exist, another
     * agent as a tool, and a plain Service.
     */
    static KubeObject opsAgent() {
        return yaml("""
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata: {name: ops-agent, namespace: ops, uid: a-ops, generation: 3}
                spec:
                  type: Declarative
                  declarative:
                    modelConfig: default-model-config
                    tools:
                    - type: McpServer
                      mcpServer: {name: github-mcp, namespace: kagent, toolNames: [list_issues, get_issue]}
                    - type: McpServer
                      mcpServer: {name: fetch, namespace: toolhive-system, kind: MCPServer,
                                  apiGroup: toolhive.stacklok.dev, toolNames: [fetch]}
                    - type: McpServer
                      mcpServer: {name: gone-server, kind: RemoteMCPServer, apiGroup: kagent.dev, toolNames: [x]}
                      headersFrom:
                      - name: Authorization
                        valueFrom: {type: Secret, name: gone-token, key: token}
                    - type: Agent
                      agent: {name: k8s-agent, namespace: kagent}
                    - type: McpServer
                      mcpServer: {name: plain-mcp, kind: Service, toolNames: [echo]}
                status:
                  observedGeneration: 3
                  conditions:
                  - {type: Accepted, status: "False", reason: ReconcileFailed,
                     message: "unknown tool server type: MCPServer.toolhive.stacklok.dev"}
                  - {type: Ready, status: "False", reason: ReconcileFailed}
                """);
    }

    /** A RemoteMCPServer kagent reaches the ToolHive server fetch through: its URL is fetch's proxy. */
    static KubeObject fetchRemote() {
        return yaml("""
                apiVersion: kagent.dev/v1alpha2
                kind: RemoteMCPServer
                metadata: {name: fetch-remote, namespace: ops, uid: r-fetch, generation: 1}
                spec:
                  description: fetch through ToolHive
                  url: http://mcp-fetch-proxy.toolhive-system:8080/mcp
                  protocol: STREAMABLE_HTTP
                status:
                  observedGeneration: 1
                  conditions:
                  - {type: Accepted, status: "True", reason: Reconciled}
                  - {type: Ready, status: "True", reason: ToolsDiscovered}
                  discoveredTools:
                  - {name: fetch, description: Fetch a URL}
                """);
    }

    static ResourceKind<AgentRow> kindOf(KubeObject o) {
        for (ResourceKind<AgentRow> kind : AgentKinds.all()) {
            if (kind.gvk().apiVersion().equals(o.apiVersion()) && kind.gvk().kind().equals(o.kind())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not an agents kind: " + o);
    }

    static Located<AgentRow> row(String cluster, KubeObject o) {
        ResourceKind<AgentRow> kind = kindOf(o);
        return new Located<>(cluster, kind, kind.project(o));
    }

    static List<Located<AgentRow>> rows(String cluster, List<KubeObject> objects) {
        return objects.stream().map(o -> row(cluster, o)).toList();
    }
}
