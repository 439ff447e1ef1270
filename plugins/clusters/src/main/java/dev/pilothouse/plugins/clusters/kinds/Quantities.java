package dev.pilothouse.plugins.clusters.kinds;

import dev.pilothouse.sdk.kube.KubeObject;

/** Reads whole-unit extended resources such as {@code nvidia.com/gpu}. */
final class Quantities {

    static final String GPU = "nvidia.com/gpu";

    private Quantities() {
    }

    /** A whole quantity ("8"); anything unparsable counts as 0 rather than failing the row. */
    static int whole(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The sum over containers of a resource's requests (or limits, which imply requests for extended resources). */
    static int containerRequests(KubeObject pod, String resource) {
        int total = 0;
        for (KubeObject c : pod.objects("spec", "containers")) {
            String request = c.string("resources", "requests", resource);
            total += whole(request.isEmpty() ? c.string("resources", "limits", resource) : request);
        }
        return total;
    }
}
