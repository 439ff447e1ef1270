package dev.pilothouse.plugins.monitoring.gpus;

import dev.pilothouse.sdk.kube.Row;

/**
 * One GPU as the DCGM exporter reports it now. Values are NaN when the exporter does not report them. The row's
 * name is the node; its namespace and pod are the workload using the GPU, if any.
 */
record GpuRow(String uid, String namespace, String name, String gpu, String model, String pod, double utilisation,
              double memoryUsedMib, double memoryFreeMib, double temperature, double power, double xid)
        implements Row {

    /** Memory used as a share of the framebuffer, 0..1, or NaN. */
    double memoryRatio() {
        double total = memoryUsedMib + memoryFreeMib;
        return total > 0 ? memoryUsedMib / total : Double.NaN;
    }

    String node() {
        return name;
    }
}
