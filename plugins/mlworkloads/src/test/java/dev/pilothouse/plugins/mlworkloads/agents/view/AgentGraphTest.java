package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.ui.kit.graph.GraphEdge;
import dev.pilothouse.sdk.ui.kit.graph.GraphNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.pilothouse.plugins.mlworkloads.agents.view.TestObjects.fetch;
import static dev.pilothouse.plugins.mlworkloads.agents.view.TestObjects.fetchRemote;
import static dev.pilothouse.plugins.mlworkloads.agents.view.TestObjects.githubMcp;
import static dev.pilothouse.plugins.mlworkloads.agents.view.TestObjects.k8sAgent;
import static dev.pilothouse.plugins.mlworkloads.agents.view.TestObjects.opsAgent;
import static dev.pilothouse.plugins.mlworkloads.agents.view.TestObjects.promqlAgent;
import static dev.pilothouse.plugins.mlworkloads.agents.view.TestObjects.toolServer;
import static org.assertj.core.api.Assertions.assertThat;

/** The graph of which agents use which tool servers, built from Agent objects the way kagent resolves them. */
class AgentGraphTest {

    private static final String K8S_AGENT = "c1/kagent/Agent.kagent.dev/k8s-agent";
    private static final String PROMQL_AGENT = "c1/kagent/Agent.kagent.dev/promql-agent";
    private static final String OPS_AGENT = "c1/ops/Agent.kagent.dev/ops-agent";
    private static final String TOOL_SERVER = "c1/kagent/RemoteMCPServer.kagent.dev/kagent-tool-server";
    private static final String GITHUB = "c1/kagent/MCPServer.kagent.dev/github-mcp";
    private static final String FETCH = "c1/toolhive-system/MCPServer.toolhive.stacklok.dev/fetch";
    private static final String FETCH_REMOTE = "c1/ops/RemoteMCPServer.kagent.dev/fetch-remote";
    private static final String GONE = "c1/ops/RemoteMCPServer.kagent.dev/gone-server";
    private static final String SERVICE = "c1/ops/Service/plain-mcp";

    private final List<KubeObject> agents = List.of(k8sAgent(), promqlAgent(), opsAgent());
    private final List<KubeObject> servers = List.of(toolServer(), githubMcp(), fetch(), fetchRemote());

    private AgentGraph graph() {
        List<KubeObject> all = new ArrayList<>(agents);
        all.addAll(servers);
        return AgentGraph.of(AgentIndex.of(TestObjects.rows("c1", all)), Map.of("c1", agents));
    }

    @Test
    void everyAgentAndServerIsABoxColouredByItsHealthWithKindAndToolCount() {
        AgentGraph graph = graph();

        assertThat(graph.model().nodes()).extracting(GraphNode::id).as("agents first, by namespace and name").startsWith(K8S_AGENT, PROMQL_AGENT, OPS_AGENT)
                .contains(TOOL_SERVER, GITHUB, FETCH, FETCH_REMOTE);
        GraphNode k8s = graph.model().node(K8S_AGENT);
        assertThat(k8s.label()).isEqualTo("k8s-agent");
        assertThat(k8s.detail()).isEqualTo("Agent · 3 tools");
        assertThat(k8s.state()).isEqualTo(HealthState.OK);
        assertThat(graph.model().node(TOOL_SERVER).detail()).isEqualTo("Remote MCP · 3 tools");
        assertThat(graph.model().node(GITHUB).detail()).as("kagent's MCPServer reports no tool count")
                .isEqualTo("kagent MCP");
        assertThat(graph.model().node(GITHUB).state()).isEqualTo(HealthState.FAILED);
        assertThat(graph.model().node(OPS_AGENT).state()).as("refused by kagent").isEqualTo(HealthState.FAILED);
        assertThat(graph.targets().get(FETCH)).isInstanceOf(GraphTarget.Listed.class);
    }

    @Test
    void edgesFollowEachKindOfReferenceAcrossNamespaces() {
        assertThat(graph().model().edges()).containsExactlyInAnyOrder(
                new GraphEdge(K8S_AGENT, TOOL_SERVER),
                new GraphEdge(K8S_AGENT, PROMQL_AGENT),
                new GraphEdge(OPS_AGENT, GITHUB),
                new GraphEdge(OPS_AGENT, FETCH),
                new GraphEdge(OPS_AGENT, GONE),
                new GraphEdge(OPS_AGENT, K8S_AGENT),
                new GraphEdge(OPS_AGENT, SERVICE),
                new GraphEdge(FETCH_REMOTE, FETCH));
    }

    @Test
    void aServerThatDoesNotExistIsAFailedBoxSayingSo() {
        AgentGraph graph = graph();

        GraphNode gone = graph.model().node(GONE);
        assertThat(gone.label()).isEqualTo("missing: gone-server");
        assertThat(gone.detail()).isEqualTo("Remote MCP in ops");
        assertThat(gone.state()).isEqualTo(HealthState.FAILED);
        assertThat(graph.targets().get(GONE)).isEqualTo(new GraphTarget.Missing(
                "RemoteMCPServer ops/gone-server does not exist in c1, but agent ops/ops-agent uses it."));
        GraphNode service = graph.model().node(SERVICE);
        assertThat(service.state()).as("Services are not checked").isEqualTo(HealthState.UNKNOWN);
        assertThat(graph.targets().get(SERVICE)).isInstanceOf(GraphTarget.Unchecked.class);
    }

    @Test
    void aServerOfAKindThatCouldNotBeListedIsNotCalledMissing() {
        List<KubeObject> all = new ArrayList<>(agents);
        all.addAll(servers);
        AgentGraph graph = AgentGraph.of(AgentIndex.of(TestObjects.rows("c1", all),
                        (cluster, gvk) -> !gvk.kind().equals("RemoteMCPServer")),
                Map.of("c1", agents));

        GraphNode unknown = graph.model().node(GONE);
        assertThat(unknown.label()).isEqualTo("gone-server");
        assertThat(unknown.detail()).isEqualTo("Remote MCP · not checked");
        assertThat(unknown.state()).isEqualTo(HealthState.UNKNOWN);
        assertThat(graph.targets().get(GONE)).isEqualTo(new GraphTarget.Missing("RemoteMCPServers of c1 could not be "
                + "listed, so whether ops/gone-server exists is not known."));
    }

    @Test
    void agentsNotYetReadHaveNoEdgesAndClustersKeepTheirReferencesApart() {
        List<KubeObject> all = new ArrayList<>(agents);
        all.addAll(servers);
        var rows = new ArrayList<>(TestObjects.rows("c1", all));
        rows.add(TestObjects.row("c2", k8sAgent()));
        AgentGraph graph = AgentGraph.of(AgentIndex.of(rows), Map.of("c2", List.of(k8sAgent())));

        assertThat(graph.model().edges()).containsExactlyInAnyOrder(
                new GraphEdge("c2/kagent/Agent.kagent.dev/k8s-agent", "c2/kagent/RemoteMCPServer.kagent.dev/kagent-tool-server"),
                new GraphEdge("c2/kagent/Agent.kagent.dev/k8s-agent", "c2/kagent/Agent.kagent.dev/promql-agent"),
                new GraphEdge(FETCH_REMOTE, FETCH));
        assertThat(graph.model().node("c2/kagent/RemoteMCPServer.kagent.dev/kagent-tool-server").label())
                .as("c1's server does not satisfy c2's agent").isEqualTo("missing: kagent-tool-server");
        assertThat(graph.model().node(K8S_AGENT).detail()).as("with two clusters, boxes say which")
                .isEqualTo("Agent · 3 tools · c1");
    }
}
