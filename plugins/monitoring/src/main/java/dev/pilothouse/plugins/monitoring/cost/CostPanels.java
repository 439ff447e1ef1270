package dev.pilothouse.plugins.monitoring.cost;

import dev.pilothouse.sdk.metrics.Panel;
import dev.pilothouse.sdk.metrics.Unit;

import java.util.List;

/**
 * Cluster cost panels from OpenCost's metrics: what the nodes cost per hour, and what the GPUs allocated to each
 * namespace cost (allocation times the node's hourly GPU price), which is where an ML platform's money goes.
 */
final class CostPanels {

    static final String NODE_TOTAL = "node_total_hourly_cost";
    static final String NODE_GPU = "node_gpu_hourly_cost";
    static final String GPU_ALLOCATION = "container_gpu_allocation";

    private CostPanels() {
    }

    static List<Panel> all() {
        return List.of(
                Panel.of("cost-cluster", "Cluster cost", "sum(" + NODE_TOTAL + ")", Unit.DOLLARS_PER_HOUR)
                        .withLegendFormat("all nodes")
                        .withDescription("What every node costs per hour (OpenCost node_total_hourly_cost).")
                        .withRequiredMetrics(NODE_TOTAL),
                Panel.of("cost-nodes", "Cost per node", "sum by (node) (" + NODE_TOTAL + ")", Unit.DOLLARS_PER_HOUR)
                        .withLegendFormat("{{node}}").withDescription("Each node's hourly cost.")
                        .withRequiredMetrics(NODE_TOTAL),
                Panel.of("cost-gpu-namespaces", "GPU cost per namespace",
                                "sum by (namespace) (" + GPU_ALLOCATION + " * on (node) group_left () max by (node) ("
                                + NODE_GPU + "))", Unit.DOLLARS_PER_HOUR)
                        .withLegendFormat("{{namespace}}")
                        .withDescription("GPUs allocated to each namespace's containers times the node's hourly "
                                + "GPU price.")
                        .withRequiredMetrics(GPU_ALLOCATION, NODE_GPU),
                Panel.of("cost-gpus-allocated", "GPUs allocated per namespace",
                                "sum by (namespace) (" + GPU_ALLOCATION + ")", Unit.COUNT)
                        .withLegendFormat("{{namespace}}").withDescription("GPUs requested by running containers.")
                        .withRequiredMetrics(GPU_ALLOCATION));
    }
}
