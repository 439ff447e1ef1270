package dev.pilothouse.plugins.clusters.kinds;

import dev.pilothouse.plugins.clusters.Fixtures;
import dev.pilothouse.sdk.health.HealthState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeAndDeploymentKindTest {

    @Test
    void aGpuNodeUnderMemoryPressureIsDegradedAndReportsItsGpus() {
        NodeRow node = NodeKind.project(Fixtures.load("node-gpu-pressure.json"));
        assertThat(node.gpuCapacity()).isEqualTo(8);
        assertThat(node.gpuAllocatable()).isEqualTo(7);
        assertThat(node.gpuProduct()).isEqualTo("NVIDIA-A100-SXM4-80GB");
        assertThat(node.taints()).containsExactly("nvidia.com/gpu=present:NoSchedule");
        assertThat(node.pressures()).containsExactly("MemoryPressure");
        assertThat(NodeKind.health(node).state()).isEqualTo(HealthState.DEGRADED);
    }

    /** kubectl rollout status, case by case. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "controller behind,       3, 3, 3, 3, 3, 2, false, false, PROGRESSING",
            "deadline exceeded,       3, 1, 1, 1, 3, 3, false, true,  FAILED",
            "updating,                3, 1, 3, 3, 3, 3, false, false, PROGRESSING",
            "old replicas terminating,3, 3, 3, 4, 3, 3, false, false, PROGRESSING",
            "waiting for availability,3, 3, 2, 3, 3, 3, false, false, DEGRADED",
            "none available,          3, 3, 0, 3, 3, 3, false, false, FAILED",
            "paused,                  3, 1, 1, 1, 3, 3, true,  false, PAUSED",
            "complete,                3, 3, 3, 3, 3, 3, false, false, OK"})
    void rolloutStatusFollowsKubectl(String name, int desired, int updated, int available, int total, long generation,
                                     long observed, boolean paused, boolean deadline, HealthState expected) {
        DeploymentRow row = new DeploymentRow("u", "ns", "d", desired, available, updated, available, total, generation,
                observed, paused, deadline, null);
        assertThat(DeploymentKind.health(row).state()).isEqualTo(expected);
    }
}
