package dev.pilothouse.plugins.clusters.kinds;

import dev.pilothouse.sdk.kube.Row;

import java.time.Instant;
import java.util.List;

/**
 * The slim row of a Node.
 *
 * @param uid            metadata.uid
 * @param name           name
 * @param ready          whether condition Ready is True
 * @param pressures      condition types other than Ready that are True (MemoryPressure, DiskPressure...)
 * @param unschedulable  spec.unschedulable (cordoned)
 * @param taints         taints as {@code key=value:Effect}
 * @param gpuCapacity    nvidia.com/gpu capacity
 * @param gpuAllocatable nvidia.com/gpu allocatable
 * @param gpuProduct     nvidia.com/gpu.product label, empty if none
 * @param kubelet        kubelet version
 * @param created        creation time
 */
public record NodeRow(String uid, String name, boolean ready, List<String> pressures, boolean unschedulable,
                      List<String> taints, int gpuCapacity, int gpuAllocatable, String gpuProduct, String kubelet,
                      Instant created) implements Row {

    @Override
    public String namespace() {
        return "";
    }
}
