package dev.pilothouse.plugins.mlworkloads.actions;

import dev.pilothouse.sdk.action.JsonBody;

import dev.pilothouse.sdk.kube.KubeObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The new Workflow that {@code argo resubmit} creates from a previous one (workflow/util FormulateResubmitWorkflow,
 * not memoized): the original's apiVersion and kind, its generateName or else {@code <name>-}, its user labels
 * plus {@code workflows.argoproj.io/resubmitted-from-workflow}, its annotations and owner references, and its spec
 * with the shutdown request and a zero (terminated) activeDeadlineSeconds removed; no status. Parameters given
 * replace those of the same name and come first, the rest follow in their order, as argo's overrideParameters
 * orders them. Argo also stamps creator labels for SSO users of its server; a kubeconfig user gets none.
 */
final class WorkflowResubmission {

    static final String RESUBMITTED_FROM = "workflows.argoproj.io/resubmitted-from-workflow";

    /** Labels about the previous run or its creator, which must not carry over to the new one. */
    private static final Set<String> RUN_LABELS = Set.of(
            "workflows.argoproj.io/creator", "workflows.argoproj.io/creator-email",
            "workflows.argoproj.io/creator-preferred-username", "workflows.argoproj.io/phase",
            "workflows.argoproj.io/completed", "workflows.argoproj.io/workflow-archiving-status");

    private WorkflowResubmission() {
    }

    static Map<String, Object> of(KubeObject wf, Map<String, String> overrides) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        String generateName = wf.string("metadata", "generateName");
        metadata.put("generateName", generateName.isEmpty() ? wf.name() + "-" : generateName);
        metadata.put("namespace", wf.namespace());
        metadata.put("labels", labels(wf));
        if (!wf.annotations().isEmpty()) {
            metadata.put("annotations", new LinkedHashMap<>(wf.annotations()));
        }
        wf.get("metadata", "ownerReferences").ifPresent(refs -> metadata.put("ownerReferences", Trees.copyValue(refs)));

        Map<String, Object> spec = Trees.copy(wf.object("spec").map(KubeObject::raw).orElse(Map.of()));
        spec.remove("shutdown");
        if (wf.hasNumber("spec", "activeDeadlineSeconds") && wf.number("spec", "activeDeadlineSeconds") == 0) {
            spec.remove("activeDeadlineSeconds"); // set to 0 by an old-style terminate
        }
        if (!overrides.isEmpty()) {
            override(spec, overrides);
        }
        return JsonBody.object("apiVersion", wf.apiVersion(), "kind", wf.kind(), "metadata", metadata, "spec", spec);
    }

    private static Map<String, Object> labels(KubeObject wf) {
        Map<String, Object> labels = new LinkedHashMap<>();
        wf.labels().forEach((key, value) -> {
            if (!RUN_LABELS.contains(key)) {
                labels.put(key, value);
            }
        });
        labels.put(RESUBMITTED_FROM, wf.name());
        return labels;
    }

    @SuppressWarnings("unchecked")
    private static void override(Map<String, Object> spec, Map<String, String> overrides) {
        Map<String, Object> arguments = spec.get("arguments") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : new LinkedHashMap<>();
        spec.put("arguments", arguments);
        List<Object> parameters = new ArrayList<>();
        overrides.forEach((name, value) -> parameters.add(JsonBody.object("name", name, "value", value)));
        if (arguments.get("parameters") instanceof List<?> original) {
            for (Object parameter : original) {
                if (!(parameter instanceof Map<?, ?> p && overrides.containsKey(String.valueOf(p.get("name"))))) {
                    parameters.add(parameter);
                }
            }
        }
        arguments.put("parameters", parameters);
    }
}
