package dev.pilothouse.plugins.clusters.fleet;

import dev.pilothouse.plugins.clusters.Fixtures;
import dev.pilothouse.plugins.clusters.kinds.WorkloadRow;
import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.plugins.clusters.kinds.EventRow;
import dev.pilothouse.plugins.clusters.kinds.NodeKind;
import dev.pilothouse.plugins.clusters.kinds.NodeRow;
import dev.pilothouse.plugins.clusters.kinds.PodKind;
import dev.pilothouse.plugins.clusters.kinds.PodRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterSummaryTest {

    private final Instant now = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void countsNodesGpusPodsWarningsAndUnreadyWorkloads() {
        NodeRow gpuNode = NodeKind.project(Fixtures.load("node-gpu-pressure.json"));
        NodeRow down = new NodeRow("n2", "cpu-1", false, List.of(), false, List.of(), 0, 0, "", "v1.32.0", null);
        List<PodRow> pods = List.of("pod-crashloop.json", "pod-running.json", "pod-pending.json", "pod-completed.json")
                .stream().map(f -> PodKind.project(Fixtures.load(f))).toList();
        List<EventRow> events = List.of(
                new EventRow("e1", "ns", "a", true, "BackOff", "", "Pod", "x", 3, now.minusSeconds(600)),
                new EventRow("e2", "ns", "b", true, "BackOff", "", "Pod", "x", 1, now.minusSeconds(7200)),
                new EventRow("e3", "ns", "c", false, "Pulled", "", "Pod", "x", 1, now.minusSeconds(60)));
        List<WorkloadRow> deployments = List.of(
                new WorkloadRow("d1", "ns", "ok", "Deployment", 2, 2, Health.of(HealthState.OK, "Available"), "", null),
                new WorkloadRow("d2", "ns", "rolling", "StatefulSet", 1, 2, Health.of(HealthState.DEGRADED, "1 of 2 ready"), "", null),
                new WorkloadRow("d3", "ns", "nightly", "CronJob", 0, -1, Health.of(HealthState.PAUSED, "Suspended"), "", null));

        ClusterSummary s = ClusterSummary.of(List.of(gpuNode, down), pods, events, deployments, now);

        assertThat(s.nodesReady()).isEqualTo(1);
        assertThat(s.nodesTotal()).isEqualTo(2);
        assertThat(s.gpuAllocatable()).isEqualTo(7);
        assertThat(s.gpuRequested()).as("running 1 + pending 8 + crash-looping 2; the completed pod's GPU is free")
                .isEqualTo(11);
        assertThat(s.podsFailed()).isEqualTo(1);
        assertThat(s.podsRunning()).isEqualTo(1);
        assertThat(s.podsPending()).isEqualTo(1);
        assertThat(s.podsSucceeded()).isEqualTo(1);
        assertThat(s.warningsLastHour()).isEqualTo(1);
        assertThat(s.workloadsNotReady()).isEqualTo(1);
    }

    @Test
    void aClusterWithADownNodeIsWorseThanOneWithAFewWarnings() {
        ClusterSummary downNode = new ClusterSummary(2, 3, 0, 0, 10, 0, 0, 0, 0, 0);
        ClusterSummary warnings = new ClusterSummary(3, 3, 0, 0, 10, 0, 0, 0, 5, 0);
        assertThat(downNode.severity()).isGreaterThan(warnings.severity());
    }
}
