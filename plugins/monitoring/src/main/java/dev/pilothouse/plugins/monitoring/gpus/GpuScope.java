package dev.pilothouse.plugins.monitoring.gpus;

import java.util.Map;

/**
 * Which GPUs the panels show: all of the cluster's, one node's or one pod's; {@link #variables()} gives the panels'
 * label regular expressions for it (DCGM exporter labels: {@code Hostname}, {@code namespace}, {@code pod}).
 */
record GpuScope(Kind kind, String node, String namespace, String pod) {

    enum Kind { CLUSTER, NODE, POD }

    static GpuScope cluster() {
        return new GpuScope(Kind.CLUSTER, "", "", "");
    }

    static GpuScope node(String node) {
        return new GpuScope(Kind.NODE, node, "", "");
    }

    static GpuScope pod(String namespace, String pod) {
        return new GpuScope(Kind.POD, "", namespace, pod);
    }

    /** The regular expressions for the panels' {@code node}, {@code namespace} and {@code pod} placeholders. */
    Map<String, String> variables() {
        return Map.of("node", exactly(node), "namespace", exactly(namespace), "pod", exactly(pod));
    }

    /** A regular expression matching exactly {@code value}, or anything (even no label) when it is empty. */
    static String exactly(String value) {
        if (value.isEmpty()) {
            return ".*";
        }
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** How the scope reads in a list: "all GPUs", the node's name, or namespace/pod. */
    String label() {
        return switch (kind) {
            case CLUSTER -> "All GPUs";
            case NODE -> node;
            case POD -> namespace + "/" + pod;
        };
    }
}
