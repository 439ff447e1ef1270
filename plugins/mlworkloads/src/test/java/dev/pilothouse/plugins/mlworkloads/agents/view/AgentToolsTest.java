package dev.pilothouse.plugins.mlworkloads.agents.view;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tool references read as kagent's controller resolves them. */
class AgentToolsTest {

    @Test
    void readsEveryKindOfReferenceWithKagentsDefaults() {
        List<ToolReference> refs = AgentTools.of(TestObjects.opsAgent());

        assertThat(refs).extracting(ToolReference::kind, ToolReference::namespace, ToolReference::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ToolServerKind.KAGENT_MCP_SERVER, "kagent", "github-mcp"),
                        org.assertj.core.groups.Tuple.tuple(ToolServerKind.TOOLHIVE_MCP_SERVER, "toolhive-system", "fetch"),
                        org.assertj.core.groups.Tuple.tuple(ToolServerKind.REMOTE_MCP_SERVER, "ops", "gone-server"),
                        org.assertj.core.groups.Tuple.tuple(ToolServerKind.AGENT, "kagent", "k8s-agent"),
                        org.assertj.core.groups.Tuple.tuple(ToolServerKind.SERVICE, "ops", "plain-mcp"));
        assertThat(refs.getFirst().toolNames()).containsExactly("list_issues", "get_issue");
        assertThat(refs.getFirst().problem()).as("no kind means kagent's MCPServer").isEmpty();
        assertThat(refs.get(1).problem()).contains("kagent does not resolve ToolHive MCPServers");
        assertThat(refs.get(2).headerNames()).containsExactly("Authorization");
        assertThat(refs.get(3).agentTool()).isTrue();
    }

    @Test
    void kindsKagentDoesNotKnowAreFlaggedAndSelfReferencesRefused() {
        var agent = TestObjects.yaml("""
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata: {name: loop, namespace: ml}
                spec:
                  type: Declarative
                  declarative:
                    tools:
                    - type: McpServer
                      mcpServer: {name: x, kind: Gateway, apiGroup: gateway.networking.k8s.io}
                    - type: McpServer
                      mcpServer: {name: y, kind: MCPServer}
                    - type: Agent
                      agent: {name: loop}
                """);

        List<ToolReference> refs = AgentTools.of(agent);

        assertThat(refs.getFirst().known()).isFalse();
        assertThat(refs.getFirst().writtenKind()).isEqualTo("Gateway.gateway.networking.k8s.io");
        assertThat(refs.getFirst().problem()).contains("does not know the tool server kind");
        assertThat(refs.get(1).kind()).as("MCPServer without a group is kagent's").isEqualTo(
                ToolServerKind.KAGENT_MCP_SERVER);
        assertThat(refs.get(2).problem()).contains("cannot use itself");
    }

    @Test
    void addressesOfOneServiceCompareEqual() {
        assertThat(Endpoints.key("http://mcp-fetch-proxy.toolhive-system.svc.cluster.local:8080", ""))
                .isEqualTo("mcp-fetch-proxy.toolhive-system:8080")
                .isEqualTo(Endpoints.key("http://mcp-fetch-proxy.toolhive-system:8080/mcp", "ops"))
                .isEqualTo(Endpoints.key("mcp-fetch-proxy:8080", "toolhive-system"));
        assertThat(Endpoints.key("https://mcp.example.com/mcp", "ops")).isEqualTo("mcp.example.com:443");
        assertThat(Endpoints.key("", "ops")).isEmpty();
    }
}
