package dev.pilothouse.plugins.mlworkloads.agents.view;

import java.util.List;

/**
 * A Deployment or StatefulSet an agent or server runs as, with its pods.
 *
 * @param kind    Deployment or StatefulSet
 * @param name    its name
 * @param ready   ready replicas
 * @param desired desired replicas
 * @param pods    its pods (found through its selector)
 * @param note    why its pods could not be listed; empty when they were
 */
record Workload(String kind, String name, long ready, long desired, List<PodLine> pods, String note) {

    Workload {
        pods = List.copyOf(pods);
    }

    /** {@code Deployment kubernetes-mcp: 1/1 ready}. */
    String summary() {
        return kind + " " + name + ": " + ready + "/" + desired + " ready" + (note.isEmpty() ? "" : " (" + note + ")");
    }
}
