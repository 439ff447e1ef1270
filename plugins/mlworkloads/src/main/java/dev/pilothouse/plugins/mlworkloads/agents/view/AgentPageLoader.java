package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.plugins.mlworkloads.Failures;
import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads what an agent or server page shows: the object itself, the workload it runs as, and the Agents of its
 * cluster (to say who uses it). A part that cannot be read says why; the object failing fails the page.
 */
final class AgentPageLoader {

    /**
     * One reading.
     *
     * @param object        the agent or server
     * @param workloads     its Deployments and StatefulSets with their pods (none for a RemoteMCPServer)
     * @param workloadError why the workload could not be read; empty when it was
     * @param agents        the Agents of the cluster
     * @param agentsError   why they could not be read; empty when they were
     */
    record Snapshot(KubeObject object, List<Workload> workloads, String workloadError, List<KubeObject> agents,
                    String agentsError) {
    }

    private record Part<T>(T value, String error) {
    }

    private final ClusterService clusters;
    private final String cluster;
    private final ToolServerKind kind;
    private final String namespace;
    private final String name;

    AgentPageLoader(ClusterService clusters, String cluster, ToolServerKind kind, String namespace, String name) {
        this.clusters = clusters;
        this.cluster = cluster;
        this.kind = kind;
        this.namespace = namespace;
        this.name = name;
    }

    /**
     * @param readAgents whether kagent has agents in the cluster at all (else they are not asked for: kagent may not
     *                   even be installed where a ToolHive server runs)
     */
    CompletableFuture<Snapshot> load(boolean readAgents) {
        return clusters.get(cluster, kind.gvk(), namespace, name).thenCompose(object -> {
            CompletableFuture<Part<List<Workload>>> workloads = kind == ToolServerKind.REMOTE_MCP_SERVER
                    ? CompletableFuture.completedFuture(new Part<>(List.of(), ""))
                    : WorkloadReader.read(clusters, cluster, object).handle((w, e) -> e == null ? new Part<>(w, "")
                            : new Part<>(List.of(), Failures.message(e)));
            CompletableFuture<Part<List<KubeObject>>> agents = !readAgents
                    ? CompletableFuture.completedFuture(new Part<>(List.of(), ""))
                    : AgentReader.read(clusters, List.of(cluster)).handle((r, e) -> {
                        if (e != null) {
                            return new Part<>(List.of(), Failures.message(e));
                        }
                        String failure = r.failures().getOrDefault(cluster, "");
                        return new Part<>(r.agents().getOrDefault(cluster, List.of()), failure);
                    });
            return workloads.thenCombine(agents, (w, a) -> new Snapshot(object, w.value(), w.error(), a.value(),
                    a.error()));
        });
    }
}
