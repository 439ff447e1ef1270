package dev.pilothouse.plugins.mlworkloads.actions;

import dev.pilothouse.sdk.action.JsonBody;

import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.kube.KubeObject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The merge patch that resumes a workflow the way {@code argo resume} does (workflow/util ResumeWorkflow): clear
 * {@code spec.suspend}, and mark every waiting suspend step Succeeded with its finish time, its supplied output
 * parameters set to their defaults.
 *
 * <p>Argo reads the workflow, changes it and writes the whole object back (Update), retrying on conflicts; it first
 * loads nodes that were offloaded to its database or compressed. Pilothouse sends only the changed fields, and,
 * when it changes nodes, pins the resourceVersion it planned from: if the controller moved the workflow on in the
 * meantime the server answers 409 and nothing is half-applied, rather than overwriting a node the controller just
 * finished. Offloaded or compressed nodes cannot be seen, so then only {@code spec.suspend} is cleared. Argo also
 * writes "Resumed by: <user>" into the node message for SSO users of its server; a kubeconfig user gets no message
 * from argo either, so none is written.
 */
final class ResumePatch {

    private ResumePatch() {
    }

    /**
     * @param steps the waiting suspend steps to approve, empty for none
     * @param now   the finish time to record
     * @throws ActionException when a step's output parameter has neither a value nor a default (argo refuses too)
     */
    static Map<String, Object> of(KubeObject wf, List<WorkflowState.Node> steps, Instant now) throws ActionException {
        Map<String, Object> patch = new LinkedHashMap<>();
        if (!steps.isEmpty() && !wf.resourceVersion().isEmpty()) {
            patch.put("metadata", JsonBody.object("resourceVersion", wf.resourceVersion()));
        }
        if (WorkflowState.suspended(wf)) {
            patch.put("spec", JsonBody.object("suspend", null));
        }
        if (!steps.isEmpty()) {
            Map<String, Object> nodes = new LinkedHashMap<>();
            String finishedAt = now.truncatedTo(ChronoUnit.SECONDS).toString();
            for (WorkflowState.Node step : steps) {
                Map<String, Object> node = JsonBody.object("phase", "Succeeded", "finishedAt", finishedAt);
                List<Object> outputs = outputsWithDefaults(step);
                if (outputs != null) {
                    node.put("outputs", JsonBody.object("parameters", outputs));
                }
                nodes.put(step.id(), node);
            }
            patch.put("status", JsonBody.object("nodes", nodes));
        }
        return patch;
    }

    /**
     * The step's output parameters with every supplied one (valueFrom.supplied) given its default as value, as argo's
     * OverrideOutputParametersWithDefault does; null when nothing changes. A merge patch replaces lists whole, so
     * the list is sent complete.
     */
    private static List<Object> outputsWithDefaults(WorkflowState.Node step) throws ActionException {
        List<KubeObject> parameters = step.status().objects("outputs", "parameters");
        boolean changed = false;
        List<Object> result = new ArrayList<>();
        for (KubeObject parameter : parameters) {
            Map<String, Object> copy = Trees.copy(parameter.raw());
            if (parameter.get("valueFrom", "supplied").isPresent()) {
                Object fallback = parameter.get("valueFrom", "default").orElseThrow(() -> new ActionException(
                        "Step '" + step.displayName() + "' waits for output parameter '" + parameter.string("name")
                                + "', which has no default: supply it (argo node set) instead of resuming"));
                copy.put("value", fallback);
                copy.remove("valueFrom");
                changed = true;
            }
            result.add(copy);
        }
        return changed ? result : null;
    }
}
