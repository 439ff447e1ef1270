package dev.pilothouse.plugins.mlworkloads.pipelines.run;

import dev.pilothouse.plugins.mlworkloads.pipelines.ArgoWorkflows;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.ui.kit.graph.GraphEdge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph of an Argo Workflow from {@code status.nodes}. Argo records structure as nodes too (the DAG or Steps
 * template itself, step groups): those are passed through, so an edge joins two steps somebody wrote. A step with a
 * retry strategy is one box (the Retry node) whose attempts are its log sources, not one box per attempt.
 */
public final class ArgoRunGraph {

    /** Node types that are steps of the user's workflow rather than structure. */
    private static final Set<String> STEP_TYPES = Set.of("Pod", "Retry", "Suspend", "Skipped", "Container", "HTTP",
            "Plugin");
    /** The container Argo runs the user's code in. */
    static final String MAIN_CONTAINER = "main";

    private ArgoRunGraph() {
    }

    public static RunGraph of(KubeObject workflow) {
        Map<String, KubeObject> nodes = new LinkedHashMap<>();
        workflow.object("status", "nodes").map(KubeObject::raw).orElse(Map.of()).keySet()
                .forEach(id -> nodes.put(id, workflow.object("status", "nodes", id).orElseThrow()));
        if (nodes.isEmpty()) {
            if (ArgoWorkflows.offloaded(workflow)) {
                return RunGraph.none("Argo moved this run's step status to its database (node status offloading), "
                        + "so the Workflow object no longer lists its steps. The Argo server's API has them.");
            }
            return RunGraph.none("No step has started yet.");
        }
        Set<String> attempts = new HashSet<>();
        nodes.forEach((id, n) -> {
            if ("Retry".equals(n.string("type"))) {
                attempts.addAll(children(n));
            }
        });
        Map<String, RunStep> steps = new LinkedHashMap<>();
        for (Map.Entry<String, KubeObject> e : sortedByStart(nodes).entrySet()) {
            if (isStep(e.getValue(), e.getKey(), attempts)) {
                steps.put(e.getKey(), step(e.getKey(), e.getValue(), nodes));
            }
        }
        List<GraphEdge> edges = new ArrayList<>();
        for (String id : steps.keySet()) {
            for (String to : nextSteps(id, nodes, attempts)) {
                if (steps.containsKey(to) && !to.equals(id)) {
                    edges.add(new GraphEdge(id, to));
                }
            }
        }
        if (steps.isEmpty()) {
            return RunGraph.none("The workflow has not started a step yet.");
        }
        return new RunGraph(steps, edges, "");
    }

    private static boolean isStep(KubeObject node, String id, Set<String> attempts) {
        return STEP_TYPES.contains(node.string("type")) && !attempts.contains(id);
    }

    /** Steps in the order they started, unstarted last: a stable order the layout and keyboard follow. */
    private static Map<String, KubeObject> sortedByStart(Map<String, KubeObject> nodes) {
        List<Map.Entry<String, KubeObject>> entries = new ArrayList<>(nodes.entrySet());
        entries.sort(java.util.Comparator.comparing(
                (Map.Entry<String, KubeObject> e) -> e.getValue().instant("startedAt").orElse(java.time.Instant.MAX))
                .thenComparing(Map.Entry::getKey));
        Map<String, KubeObject> sorted = new LinkedHashMap<>();
        entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static RunStep step(String id, KubeObject node, Map<String, KubeObject> nodes) {
        String type = node.string("type");
        String phase = node.string("phase").isEmpty() ? "Pending" : node.string("phase");
        List<RunStep.LogSource> logs = new ArrayList<>();
        int retries = 0;
        String message = node.string("message");
        if ("Retry".equals(type)) {
            List<String> tries = children(node);
            retries = Math.max(0, tries.size() - 1);
            for (int i = 0; i < tries.size(); i++) {
                logs.add(new RunStep.LogSource(tries.get(i), "", List.of(MAIN_CONTAINER), "attempt " + (i + 1), ""));
                KubeObject attempt = nodes.get(tries.get(i));
                if (message.isEmpty() && attempt != null && i == tries.size() - 1) {
                    message = attempt.string("message");
                }
            }
        } else if ("Pod".equals(type)) {
            logs.add(new RunStep.LogSource(id, "", List.of(MAIN_CONTAINER), "pod", ""));
        } else if ("Container".equals(type)) {
            // A container of a container set runs in its parent Pod node's pod, under its own name.
            String container = node.string("displayName").isEmpty() ? MAIN_CONTAINER : node.string("displayName");
            parentPod(id, nodes).ifPresent(pod -> logs.add(new RunStep.LogSource(pod, "", List.of(container),
                    container, container)));
        }
        String label = node.string("displayName").isEmpty() ? node.string("name") : node.string("displayName");
        return new RunStep(id, label, type, phase, RunStep.stateOf(phase), node.instant("startedAt").orElse(null),
                node.instant("finishedAt").orElse(null), retries, message, logs);
    }

    private static java.util.Optional<String> parentPod(String id, Map<String, KubeObject> nodes) {
        return nodes.entrySet().stream()
                .filter(e -> "Pod".equals(e.getValue().string("type")) && children(e.getValue()).contains(id))
                .map(Map.Entry::getKey).findFirst();
    }

    /**
     * The steps that follow {@code id}: its children, looking through structure nodes (step groups, nested DAGs)
     * and, for a retried step, through its attempts, whose children are the steps after it.
     */
    private static Set<String> nextSteps(String id, Map<String, KubeObject> nodes, Set<String> attempts) {
        Deque<String> frontier = new ArrayDeque<>(children(nodes.get(id)));
        Set<String> seen = new HashSet<>(frontier);
        Set<String> found = new LinkedHashSet<>();
        while (!frontier.isEmpty()) {
            String next = frontier.removeFirst();
            KubeObject node = nodes.get(next);
            if (node == null) {
                continue; // a child the controller has not recorded yet
            }
            if (isStep(node, next, attempts)) {
                found.add(next);
                continue;
            }
            for (String child : children(node)) {
                if (seen.add(child)) {
                    frontier.addLast(child);
                }
            }
        }
        return found;
    }

    private static List<String> children(KubeObject node) {
        if (node == null) {
            return List.of();
        }
        return node.get("children").filter(List.class::isInstance).map(l -> ((List<?>) l).stream()
                .map(String::valueOf).toList()).orElse(List.of());
    }
}
