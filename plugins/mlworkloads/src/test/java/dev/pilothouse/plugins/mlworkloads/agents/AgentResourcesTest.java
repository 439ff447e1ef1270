package dev.pilothouse.plugins.mlworkloads.agents;

import dev.pilothouse.plugins.mlworkloads.Fixtures;
import dev.pilothouse.sdk.health.HealthState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentResourcesTest {

    @Test
    void aReadyAgentIsOkAndCountsTheToolsItReferences() {
        AgentRow row = KagentResources.agent(Fixtures.load("kagent-agent.yaml"));
        assertThat(row.health().state()).isEqualTo(HealthState.OK);
        assertThat(row.ready()).isTrue();
        assertThat(row.transport()).isEqualTo("A2A");
        assertThat(row.toolCount()).isEqualTo(3);
    }

    @Test
    void anAcceptedMcpServerWhosePodsAreNotReadyIsFailedWithKagentsReason() {
        AgentRow row = KagentResources.mcpServer(Fixtures.load("kagent-mcpserver-not-ready.yaml"));
        assertThat(row.health().state()).isEqualTo(HealthState.FAILED);
        assertThat(row.health().reason()).isEqualTo("PodsNotReady");
        assertThat(row.transport()).isEqualTo("stdio");
        assertThat(row.endpoint()).isEqualTo("github-mcp.kagent:3000");
        assertThat(row.authConfigured()).isFalse();
    }

    @Test
    void aRemoteServerStillConnectingIsProgressingWithItsDiscoveredToolsAndAuthHeaders() {
        AgentRow row = KagentResources.remoteMcpServer(Fixtures.load("kagent-remotemcpserver.yaml"));
        assertThat(row.health().state()).isEqualTo(HealthState.PROGRESSING);
        assertThat(row.health().reason()).isEqualTo("Connecting");
        assertThat(row.toolCount()).isEqualTo(3);
        assertThat(row.authConfigured()).isTrue();
        assertThat(row.endpoint()).isEqualTo("http://kagent-tools.kagent:8084/mcp");
        assertThat(row.transport()).isEqualTo("STREAMABLE_HTTP");
    }

    @Test
    void aRunningToolHiveServerIsOkWithItsUrlTransportAndAuth() {
        AgentRow row = ToolHiveServers.project(Fixtures.load("toolhive-mcpserver.yaml"));
        assertThat(row.health().state()).isEqualTo(HealthState.OK);
        assertThat(row.endpoint()).isEqualTo("http://mcp-fetch-proxy.toolhive-system.svc.cluster.local:8080");
        assertThat(row.transport()).isEqualTo("streamable-http");
        assertThat(row.authConfigured()).isTrue();
        assertThat(row.toolCount()).isEqualTo(-1);
    }

    @Test
    void aFailedToolHiveServerIsFailedWithTheOperatorsMessage() {
        AgentRow row = ToolHiveServers.project(Fixtures.load("toolhive-mcpserver-failed.yaml"));
        assertThat(row.health().state()).isEqualTo(HealthState.FAILED);
        assertThat(row.health().message()).contains("postgres-credentials");
        assertThat(row.authConfigured()).isFalse();
    }

    @Test
    void newerToolHivePhasesAndAuthReferencesAreUnderstood() {
        AgentRow ready = ToolHiveServers.project(dev.pilothouse.sdk.kube.KubeObject.of(java.util.Map.of(
                "metadata", java.util.Map.of("name", "fetch", "namespace", "ml", "uid", "u1"),
                "spec", java.util.Map.of("transport", "streamable-http", "oidcConfigRef", java.util.Map.of("name", "corp")),
                "status", java.util.Map.of("phase", "Ready", "url", "http://fetch.ml:8080"))));
        assertThat(ready.health().state()).isEqualTo(dev.pilothouse.sdk.health.HealthState.OK);
        assertThat(ready.authConfigured()).isTrue();
        AgentRow stopped = ToolHiveServers.project(dev.pilothouse.sdk.kube.KubeObject.of(java.util.Map.of(
                "metadata", java.util.Map.of("name", "fetch", "namespace", "ml", "uid", "u2"),
                "spec", java.util.Map.of("transport", "stdio"),
                "status", java.util.Map.of("phase", "Stopped"))));
        assertThat(stopped.health().state()).isEqualTo(dev.pilothouse.sdk.health.HealthState.PAUSED);
        assertThat(stopped.authConfigured()).isFalse();
    }
}
