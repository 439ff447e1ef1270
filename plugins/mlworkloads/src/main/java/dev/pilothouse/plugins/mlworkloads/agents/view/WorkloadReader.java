package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.plugins.mlworkloads.Failures;
import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Finds what an agent or server runs as: the Deployments and StatefulSets of its namespace whose owner references
 * name its uid (kagent and ToolHive both set them), then their pods through the selector's {@code matchLabels}.
 */
final class WorkloadReader {

    static final GroupVersionKind DEPLOYMENTS = dev.pilothouse.plugins.mlworkloads.BuiltInKinds.DEPLOYMENTS;
    static final GroupVersionKind STATEFUL_SETS = dev.pilothouse.plugins.mlworkloads.BuiltInKinds.STATEFUL_SETS;
    static final GroupVersionKind PODS = dev.pilothouse.plugins.mlworkloads.BuiltInKinds.PODS;

    private record Owned(String kind, KubeObject object) {
    }

    private WorkloadReader() {
    }

    static CompletableFuture<List<Workload>> read(ClusterService clusters, String cluster, KubeObject owner) {
        WatchScope namespace = WatchScope.namespace(owner.namespace());
        CompletableFuture<List<KubeObject>> deployments = clusters.list(cluster, DEPLOYMENTS, namespace);
        CompletableFuture<List<KubeObject>> statefulSets = clusters.list(cluster, STATEFUL_SETS, namespace);
        return deployments.thenCombine(statefulSets, (d, s) -> {
            // Items of a list response need not carry their kind, so it is taken from the list they came from.
            List<Owned> owned = new ArrayList<>();
            d.stream().filter(o -> ownedBy(o, owner.uid())).forEach(o -> owned.add(new Owned(DEPLOYMENTS.kind(), o)));
            s.stream().filter(o -> ownedBy(o, owner.uid())).forEach(o -> owned.add(new Owned(STATEFUL_SETS.kind(), o)));
            return owned;
        }).thenCompose(owned -> {
            List<CompletableFuture<Workload>> each = owned.stream()
                    .map(w -> withPods(clusters, cluster, w.kind(), w.object())).toList();
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                    .thenApply(ignored -> each.stream().map(CompletableFuture::join).toList());
        });
    }

    static boolean ownedBy(KubeObject object, String uid) {
        return !uid.isEmpty() && object.objects("metadata", "ownerReferences").stream()
                .anyMatch(ref -> uid.equals(ref.string("uid")));
    }

    /** {@code a=1,b=2} from {@code spec.selector.matchLabels}, sorted; empty when the selector has none. */
    static String selector(KubeObject workload) {
        Map<String, String> labels = new TreeMap<>(workload.stringMap("spec", "selector", "matchLabels"));
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private static CompletableFuture<Workload> withPods(ClusterService clusters, String cluster, String kind,
                                                        KubeObject w) {
        long desired = w.hasNumber("spec", "replicas") ? w.number("spec", "replicas") : 1;
        long ready = w.number("status", "readyReplicas");
        String selector = selector(w);
        if (selector.isEmpty()) {
            return CompletableFuture.completedFuture(new Workload(kind, w.name(), ready, desired, List.of(),
                    "its selector has no matchLabels, so its pods are not listed"));
        }
        return clusters.list(cluster, PODS, new WatchScope(w.namespace(), selector))
                .thenApply(pods -> new Workload(kind, w.name(), ready, desired,
                        pods.stream().map(PodLine::of).toList(), ""))
                .exceptionally(e -> new Workload(kind, w.name(), ready, desired, List.of(),
                        "could not list its pods: " + Failures.message(e)));
    }
}
