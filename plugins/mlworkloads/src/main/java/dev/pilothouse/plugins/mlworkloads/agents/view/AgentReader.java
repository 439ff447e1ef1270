package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.plugins.mlworkloads.Failures;
import dev.pilothouse.plugins.mlworkloads.agents.KagentResources;
import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads the full Agent objects of some clusters: the list's rows do not carry tool references (rows stay slim), so
 * the graph and the pages read them when they need them. One cluster failing does not lose the others.
 */
final class AgentReader {

    /**
     * What was read.
     *
     * @param agents   the Agents of each cluster that answered
     * @param failures why each other cluster did not, for people
     */
    record Reading(Map<String, List<KubeObject>> agents, Map<String, String> failures) {
    }

    private AgentReader() {
    }

    static CompletableFuture<Reading> read(ClusterService clusters, List<String> names) {
        Map<String, CompletableFuture<List<KubeObject>>> calls = new LinkedHashMap<>();
        for (String cluster : names) {
            calls.put(cluster, clusters.list(cluster, KagentResources.AGENT, WatchScope.ALL));
        }
        return CompletableFuture.allOf(calls.values().stream().map(f -> f.exceptionally(e -> List.of()))
                        .toArray(CompletableFuture[]::new))
                .thenApply(ignored -> {
                    Map<String, List<KubeObject>> agents = new LinkedHashMap<>();
                    Map<String, String> failures = new LinkedHashMap<>();
                    calls.forEach((cluster, call) -> {
                        try {
                            agents.put(cluster, new ArrayList<>(call.join()));
                        } catch (CompletionException e) {
                            failures.put(cluster, Failures.message(e));
                        }
                    });
                    return new Reading(agents, failures);
                });
    }

}
