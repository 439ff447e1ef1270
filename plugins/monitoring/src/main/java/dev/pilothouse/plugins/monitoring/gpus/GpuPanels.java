package dev.pilothouse.plugins.monitoring.gpus;

import dev.pilothouse.sdk.metrics.Panel;
import dev.pilothouse.sdk.metrics.Unit;

import java.util.List;

/**
 * The GPU panels, from the NVIDIA DCGM exporter's metrics. DCGM reports memory in MiB; the panels convert to bytes
 * so the unit scales. The whole cluster is shown per node (hundreds of GPUs would be unreadable as lines); a node
 * or a pod per GPU. The scope's label values come in as regular expressions (see {@link GpuScope#variables()}):
 * panel placeholders are always quoted, so a scope can narrow the matchers but never rewrite the query.
 */
final class GpuPanels {

    static final String UTIL = "DCGM_FI_DEV_GPU_UTIL";
    static final String FB_USED = "DCGM_FI_DEV_FB_USED";
    static final String FB_FREE = "DCGM_FI_DEV_FB_FREE";
    static final String TEMP = "DCGM_FI_DEV_GPU_TEMP";
    static final String POWER = "DCGM_FI_DEV_POWER_USAGE";
    static final String XID = "DCGM_FI_DEV_XID_ERRORS";

    private static final double MIB = 1024 * 1024;
    private static final String MATCHERS = "{Hostname=~\"{{node}}\", namespace=~\"{{namespace}}\", pod=~\"{{pod}}\"}";

    private GpuPanels() {
    }

    static List<Panel> of(GpuScope scope) {
        String by = scope.kind() == GpuScope.Kind.CLUSTER ? "Hostname" : "Hostname, gpu, namespace, pod";
        String legend = switch (scope.kind()) {
            case CLUSTER -> "{{Hostname}}";
            case NODE -> "GPU {{gpu}} {{pod}}";
            case POD -> "{{pod}} · GPU {{gpu}}";
        };
        String perNode = scope.kind() == GpuScope.Kind.CLUSTER ? " (per node)" : "";
        return List.of(
                panel("gpu-utilisation", "Utilisation" + perNode, "avg by (" + by + ") (" + UTIL + MATCHERS + ")",
                        Unit.PERCENT, legend, "How busy the GPU's compute is (DCGM_FI_DEV_GPU_UTIL).", UTIL),
                panel("gpu-memory-used", "Memory used" + perNode,
                        "sum by (" + by + ") (" + FB_USED + MATCHERS + ") * " + (long) MIB, Unit.BYTES, legend,
                        "Framebuffer memory in use.", FB_USED),
                panel("gpu-memory-free", "Memory free" + perNode,
                        "sum by (" + by + ") (" + FB_FREE + MATCHERS + ") * " + (long) MIB, Unit.BYTES, legend,
                        "Framebuffer memory free; near zero, the next allocation fails (CUDA out of memory).",
                        FB_FREE),
                panel("gpu-temperature", "Temperature" + (perNode.isEmpty() ? "" : " (hottest per node)"),
                        "max by (" + by + ") (" + TEMP + MATCHERS + ")", Unit.CELSIUS, legend,
                        "GPUs throttle their clocks above about 85 °C.", TEMP),
                panel("gpu-power", "Power" + perNode, "sum by (" + by + ") (" + POWER + MATCHERS + ")",
                        Unit.WATTS, legend, "Power draw.", POWER),
                panel("gpu-xid", "XID errors" + (perNode.isEmpty() ? "" : " (last code per node)"),
                        "max by (" + by + ") (" + XID + MATCHERS + ")", Unit.NONE, legend,
                        "The last XID error code reported (0: none). 48, 63, 64, 74, 79 and 94 mean the GPU needs "
                        + "attention; 79 means it fell off the bus.", XID));
    }

    private static Panel panel(String id, String title, String query, Unit unit, String legend, String description,
                               String metric) {
        return Panel.of(id, title, query, unit).withLegendFormat(legend).withDescription(description)
                .withRequiredMetrics(metric);
    }
}
