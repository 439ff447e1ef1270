package dev.pilothouse.plugins.mlworkloads.actions;

import dev.pilothouse.plugins.mlworkloads.Fixtures;
import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.action.PlanContext;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plans actions on fixtures the way the engine does, and reads and applies the JSON bodies they produce. */
final class Plans {

    static final Instant NOW = Instant.parse("2026-03-02T14:30:00.123Z");
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private Plans() {
    }

    static KubeObject fixture(String name) {
        return Fixtures.load(name);
    }

    static ActionTarget target(KubeObject object, GroupVersionKind gvk) {
        return new ActionTarget("prod", gvk, object.namespace(), object.name());
    }

    static ActionPlan plan(Action action, KubeObject object, Map<String, String> parameters) throws ActionException {
        GroupVersionKind gvk = action.kinds().iterator().next();
        ActionTarget target = target(object, gvk);
        return action.plan(new PlanContext() {
            @Override
            public ActionTarget target() {
                return target;
            }

            @Override
            public KubeObject object() {
                return object;
            }

            @Override
            public Map<String, String> parameters() {
                return parameters;
            }

            @Override
            public List<KubeObject> list(GroupVersionKind kind, String namespace, String labelSelector) {
                return List.of();
            }

            @Override
            public Instant now() {
                return NOW;
            }
        });
    }

    static ActionPlan plan(Action action, KubeObject object) throws ActionException {
        return plan(action, object, Map.of());
    }

    /** The object with one field set (null removes it), leaving the fixture as it was. */
    @SuppressWarnings("unchecked")
    static KubeObject with(KubeObject object, Object value, String... path) {
        Map<String, Object> copy = Trees.copy(object.raw());
        Map<String, Object> node = copy;
        for (int i = 0; i < path.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(path[i], k -> new LinkedHashMap<>());
        }
        if (value == null) {
            node.remove(path[path.length - 1]);
        } else {
            node.put(path[path.length - 1], value);
        }
        return KubeObject.of(copy);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        return JSON.unmarshal(json, Map.class);
    }

    /** RFC 7386, as the API server applies a merge patch: objects merge, null removes, anything else replaces. */
    @SuppressWarnings("unchecked")
    static KubeObject mergePatch(KubeObject target, String patch) {
        return KubeObject.of((Map<String, Object>) merge(Trees.copy(target.raw()), parse(patch)));
    }

    @SuppressWarnings("unchecked")
    private static Object merge(Object target, Object patch) {
        if (!(patch instanceof Map<?, ?> fields)) {
            return patch;
        }
        Map<String, Object> result = target instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value == null) {
                result.remove((String) name);
            } else {
                result.put((String) name, merge(result.get(name), value));
            }
        });
        return result;
    }
}
