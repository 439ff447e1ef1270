package dev.pilothouse.plugins.monitoring.gpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilothouse.sdk.metrics.Panel;
import dev.pilothouse.sdk.metrics.Sample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuPanelsTest {

    @Test
    void theClusterIsChartedPerNodeAndAPodPerGpuOfThatPodOnly() {
        Panel cluster = GpuPanels.of(GpuScope.cluster()).getFirst();
        assertThat(cluster.queryFor(GpuScope.cluster().variables())).isEqualTo(
                "avg by (Hostname) (DCGM_FI_DEV_GPU_UTIL{Hostname=~\".*\", namespace=~\".*\", pod=~\".*\"})");

        GpuScope pod = GpuScope.pod("ml-serving", "llama-3.1-8b-0");
        assertThat(GpuPanels.of(pod).getFirst().queryFor(pod.variables())).isEqualTo(
                "avg by (Hostname, gpu, namespace, pod) (DCGM_FI_DEV_GPU_UTIL{Hostname=~\".*\", "
                + "namespace=~\"ml-serving\", pod=~\"llama-3\\\\.1-8b-0\"})");
    }

    @Test
    void aScopeCannotBreakOutOfItsMatchers() {
        GpuScope hostile = GpuScope.node("n\"} or vector(1) #");
        String query = GpuPanels.of(hostile).getFirst().queryFor(hostile.variables());
        assertThat(query).contains("Hostname=~\"n\\\"\\\\} or vector\\\\(1\\\\) #\"");
    }

    @Test
    void everyPanelNeedsItsDcgmMetricAndMemoryIsInBytes() {
        List<Panel> panels = GpuPanels.of(GpuScope.node("gpu-node-1"));
        assertThat(panels).extracting(Panel::id).containsExactly("gpu-utilisation", "gpu-memory-used",
                "gpu-memory-free", "gpu-temperature", "gpu-power", "gpu-xid");
        assertThat(panels).allSatisfy(p -> assertThat(p.requires()).singleElement().asString()
                .startsWith("DCGM_FI_DEV_"));
        assertThat(panels.get(1).query()).endsWith("* 1048576");
    }

    @Test
    void theInventoryJoinsEachGpusValuesAcrossMetrics() {
        Map<String, String> gpu0 = Map.of("Hostname", "n1", "gpu", "0", "modelName", "A100", "namespace", "ml",
                "pod", "llama-0");
        Map<String, String> gpu10 = Map.of("Hostname", "n1", "gpu", "10", "modelName", "A100");
        Map<String, String> gpu2 = Map.of("Hostname", "n1", "gpu", "2", "modelName", "A100");
        Instant t = Instant.EPOCH;
        List<GpuRow> rows = GpuInventory.join(Map.of(
                GpuPanels.UTIL, List.of(new Sample(gpu10, t, 1), new Sample(gpu0, t, 90), new Sample(gpu2, t, 5)),
                GpuPanels.FB_USED, List.of(new Sample(gpu0, t, 60_000)),
                GpuPanels.FB_FREE, List.of(new Sample(gpu0, t, 20_000)),
                GpuPanels.XID, List.of(new Sample(gpu0, t, 79))));

        assertThat(rows).extracting(GpuRow::gpu).containsExactly("0", "2", "10");
        GpuRow first = rows.getFirst();
        assertThat(first.pod()).isEqualTo("llama-0");
        assertThat(first.namespace()).isEqualTo("ml");
        assertThat(first.utilisation()).isEqualTo(90);
        assertThat(first.memoryRatio()).isEqualTo(0.75);
        assertThat(first.xid()).isEqualTo(79);
        assertThat(first.temperature()).as("not exported").isNaN();
        assertThat(rows.get(1).memoryRatio()).isNaN();
    }
}
