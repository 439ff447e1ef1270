package dev.pilothouse.plugins.mlworkloads.actions;

import dev.pilothouse.sdk.kube.KubeObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What the Argo actions need to know of a Workflow's state, read the way the argo CLI and server read it. */
final class WorkflowState {

    /** Argo's completed phases (WorkflowStatus.Fulfilled); Pending and Running are not. */
    private static final Set<String> FINISHED = Set.of("Succeeded", "Failed", "Error");
    private static final String COMPLETED_LABEL = "workflows.argoproj.io/completed";

    private WorkflowState() {
    }

    static String phase(KubeObject wf) {
        String phase = wf.string("status", "phase");
        return phase.isEmpty() ? "Pending" : phase;
    }

    /** Finished by phase, or by the completed label the controller sets (which argo suspend checks). */
    static boolean finished(KubeObject wf) {
        return FINISHED.contains(wf.string("status", "phase")) || "true".equals(wf.labels().get(COMPLETED_LABEL));
    }

    /** {@code spec.suspend}: the whole workflow is held. */
    static boolean suspended(KubeObject wf) {
        return wf.flag("spec", "suspend");
    }

    /** {@code spec.shutdown} (Terminate or Stop) once somebody asked for it, else empty. */
    static String shutdown(KubeObject wf) {
        return wf.string("spec", "shutdown");
    }

    /**
     * Whether the node map is not in the object: offloaded to the controller's database, or compressed into
     * {@code status.compressedNodes}. Argo hydrates such nodes before touching them; Pilothouse cannot.
     */
    static boolean nodesHidden(KubeObject wf) {
        return !wf.string("status", "offloadNodeStatusVersion").isEmpty()
                || !wf.string("status", "compressedNodes").isEmpty();
    }

    /**
     * Suspend steps that wait to be resumed (argo's IsActiveSuspendNode: type Suspend, phase Running), by node id in
     * a stable order.
     */
    static List<Node> waitingSuspendSteps(KubeObject wf) {
        Map<String, Object> nodes = wf.object("status", "nodes").map(KubeObject::raw).orElse(Map.of());
        List<Node> waiting = new ArrayList<>();
        new TreeMap<>(nodes).forEach((id, value) -> wf.object("status", "nodes", id).ifPresent(node -> {
            if ("Suspend".equals(node.string("type")) && "Running".equals(node.string("phase"))) {
                waiting.add(new Node(id, node));
            }
        }));
        return waiting;
    }

    /** {@code workflow ml/train}: how summaries name a workflow. */
    static String named(KubeObject wf) {
        return "workflow " + wf.namespace() + "/" + wf.name();
    }

    /** A node of {@code status.nodes} with its id. */
    record Node(String id, KubeObject status) {
        String displayName() {
            String name = status.string("displayName");
            return name.isEmpty() ? status.string("name") : name;
        }
    }
}
