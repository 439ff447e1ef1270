package dev.pilothouse.plugins.mlworkloads.pipelines.run;

import dev.pilothouse.sdk.ui.kit.Formats;
import dev.pilothouse.sdk.ui.kit.graph.DagModel;
import dev.pilothouse.sdk.ui.kit.graph.GraphEdge;
import dev.pilothouse.sdk.ui.kit.graph.GraphNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's steps and their dependencies, ready to draw.
 *
 * @param steps the steps by id, in the engine's order
 * @param edges dependencies between step ids
 * @param note  why there is no graph (node status offloaded, nothing started yet); empty when there is one
 */
public record RunGraph(Map<String, RunStep> steps, List<GraphEdge> edges, String note) {

    public RunGraph {
        steps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        edges = List.copyOf(edges);
        note = note == null ? "" : note;
    }

    /** A run with nothing to draw, and why. */
    public static RunGraph none(String note) {
        return new RunGraph(Map.of(), List.of(), note);
    }

    public Optional<RunStep> step(String id) {
        return Optional.ofNullable(steps.get(id));
    }

    /** The graph for {@link dev.pilothouse.sdk.ui.kit.graph.DagView}, with durations and retries under each name. */
    public DagModel model(Instant now) {
        List<GraphNode> nodes = new ArrayList<>();
        for (RunStep s : steps.values()) {
            nodes.add(new GraphNode(s.id(), s.label(), detail(s, now), s.state()));
        }
        return DagModel.of(nodes, edges);
    }

    /** The first failed step, else the first running one: where somebody looking at a run wants to be. */
    public Optional<RunStep> focus() {
        return steps.values().stream().filter(s -> s.state() == dev.pilothouse.sdk.health.HealthState.FAILED)
                .filter(s -> !s.logSources().isEmpty()).findFirst()
                .or(() -> steps.values().stream()
                        .filter(s -> s.state() == dev.pilothouse.sdk.health.HealthState.FAILED).findFirst())
                .or(() -> steps.values().stream()
                        .filter(s -> s.state() == dev.pilothouse.sdk.health.HealthState.PROGRESSING).findFirst());
    }

    static String detail(RunStep s, Instant now) {
        Duration d = s.duration(now);
        String time = d == null ? s.phase() : Formats.duration(d);
        if (s.retries() > 0) {
            return time + " · " + s.retries() + (s.retries() == 1 ? " retry" : " retries");
        }
        return time;
    }
}
