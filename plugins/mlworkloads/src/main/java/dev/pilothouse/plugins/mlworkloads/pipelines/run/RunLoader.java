package dev.pilothouse.plugins.mlworkloads.pipelines.run;

import dev.pilothouse.plugins.mlworkloads.pipelines.ArgoWorkflows;
import dev.pilothouse.plugins.mlworkloads.pipelines.TektonRuns;
import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads what the run page shows of one run: the run itself, the objects its graph is built from (a PipelineRun's
 * TaskRuns), the pods its steps ran in (Argo names a step's pod through an annotation), and the other runs of the
 * same namespace to compare with. Everything through the cluster service, so it works against any cluster.
 */
final class RunLoader {

    static final GroupVersionKind PODS = dev.pilothouse.plugins.mlworkloads.BuiltInKinds.PODS;

    /** What one refresh read. */
    record Snapshot(KubeObject run, RunGraph graph, Map<String, String> podByNode) {
    }

    private final ClusterService clusters;
    private final String cluster;
    private final GroupVersionKind gvk;
    private final String namespace;
    private final String name;

    RunLoader(ClusterService clusters, String cluster, GroupVersionKind gvk, String namespace, String name) {
        this.clusters = clusters;
        this.cluster = cluster;
        this.gvk = gvk;
        this.namespace = namespace;
        this.name = name;
    }

    CompletableFuture<Snapshot> load() {
        return clusters.get(cluster, gvk, namespace, name).thenCompose(run -> {
            if (gvk.sameGroupKind(TektonRuns.PIPELINE_RUN)) {
                return clusters.list(cluster, TektonRuns.TASK_RUN, new WatchScope(namespace, "tekton.dev/pipelineRun=" + name))
                        .thenApply(taskRuns -> new Snapshot(run, TektonRunGraph.ofPipelineRun(run, taskRuns), Map.of()));
            }
            if (gvk.sameGroupKind(TektonRuns.TASK_RUN)) {
                return CompletableFuture.completedFuture(new Snapshot(run, TektonRunGraph.ofTaskRun(run), Map.of()));
            }
            RunGraph graph = ArgoRunGraph.of(run);
            return clusters.list(cluster, PODS, new WatchScope(namespace, "workflows.argoproj.io/workflow=" + name))
                    .thenApply(pods -> new Snapshot(run, graph, podsByNode(pods)))
                    // Pods may be gone (garbage-collected) or not listable: the graph is still worth showing.
                    .exceptionally(e -> new Snapshot(run, graph, Map.of()));
        });
    }

    /** The other runs of the namespace of the same kind, for "what changed since the last successful run". */
    CompletableFuture<List<KubeObject>> siblings() {
        return clusters.list(cluster, gvk, WatchScope.namespace(namespace));
    }

    private static Map<String, String> podsByNode(List<KubeObject> pods) {
        Map<String, String> byNode = new HashMap<>();
        for (KubeObject pod : pods) {
            String node = pod.annotations().getOrDefault("workflows.argoproj.io/node-id", "");
            if (!node.isEmpty()) {
                byNode.put(node, pod.name());
            }
        }
        return byNode;
    }

    static boolean isArgo(GroupVersionKind gvk) {
        return gvk.sameGroupKind(ArgoWorkflows.WORKFLOW);
    }
}
