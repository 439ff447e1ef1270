package dev.pilothouse.plugins.monitoring.gpus;

import dev.pilothouse.sdk.metrics.MetricsService;
import dev.pilothouse.sdk.metrics.Sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads every GPU's current values with one instant query per DCGM metric and joins them per GPU (node and index).
 * A metric the exporter does not export leaves its column NaN rather than failing the table.
 */
final class GpuInventory {

    private static final List<String> METRICS = List.of(GpuPanels.UTIL, GpuPanels.FB_USED, GpuPanels.FB_FREE,
            GpuPanels.TEMP, GpuPanels.POWER, GpuPanels.XID);

    private GpuInventory() {
    }

    static CompletableFuture<List<GpuRow>> load(MetricsService metrics, String cluster) {
        Map<String, CompletableFuture<List<Sample>>> queries = new LinkedHashMap<>();
        for (String metric : METRICS) {
            queries.put(metric, metrics.query(cluster, metric).exceptionally(e -> List.of()));
        }
        return CompletableFuture.allOf(queries.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, List<Sample>> byMetric = new HashMap<>();
            queries.forEach((metric, future) -> byMetric.put(metric, future.join()));
            return join(byMetric);
        });
    }

    /** One row per GPU (node, index) from each metric's samples, ordered by node and index. */
    static List<GpuRow> join(Map<String, List<Sample>> byMetric) {
        Map<String, Map<String, String>> labelsByGpu = new LinkedHashMap<>();
        Map<String, Map<String, Double>> valuesByGpu = new HashMap<>();
        byMetric.forEach((metric, samples) -> {
            for (Sample s : samples) {
                String key = s.labels().getOrDefault("Hostname", "") + "/" + s.labels().getOrDefault("gpu", "");
                labelsByGpu.putIfAbsent(key, s.labels());
                valuesByGpu.computeIfAbsent(key, k -> new HashMap<>()).put(metric, s.value());
            }
        });
        List<GpuRow> rows = new ArrayList<>();
        labelsByGpu.forEach((key, labels) -> {
            Map<String, Double> v = valuesByGpu.get(key);
            rows.add(new GpuRow(key, labels.getOrDefault("namespace", ""), labels.getOrDefault("Hostname", ""),
                    labels.getOrDefault("gpu", ""), labels.getOrDefault("modelName", ""),
                    labels.getOrDefault("pod", ""), value(v, GpuPanels.UTIL), value(v, GpuPanels.FB_USED),
                    value(v, GpuPanels.FB_FREE), value(v, GpuPanels.TEMP), value(v, GpuPanels.POWER),
                    value(v, GpuPanels.XID)));
        });
        rows.sort(Comparator.comparing(GpuRow::node).thenComparing(r -> paddedIndex(r.gpu())));
        return rows;
    }

    private static double value(Map<String, Double> values, String metric) {
        return values.getOrDefault(metric, Double.NaN);
    }

    private static String paddedIndex(String gpu) {
        return "0".repeat(Math.max(0, 4 - gpu.length())) + gpu;
    }
}
