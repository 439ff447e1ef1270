package dev.pilothouse.plugins.clusters.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pilothouse.plugins.clusters.Fixtures;
import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.action.PlanContext;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans workload actions on fixtures the way the engine does, and reads the JSON they produce. */
final class WorkloadPlans {

    static final Instant NOW = Instant.parse("2026-03-02T14:30:00.123Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkloadPlans() {
    }

    static KubeObject deployment() {
        return Fixtures.load("workloads/deployment-llama.json");
    }

    static List<KubeObject> replicaSets() {
        return Fixtures.load("workloads/replicasets-llama.json").objects("items");
    }

    /** A plan context over one object; it answers list calls with the given objects and remembers what was asked. */
    static final class Context implements PlanContext {
        final List<String> listCalls = new ArrayList<>();
        private final KubeObject object;
        private final Map<String, String> parameters;
        private final List<KubeObject> listed;

        Context(KubeObject object, Map<String, String> parameters, List<KubeObject> listed) {
            this.object = object;
            this.parameters = parameters;
            this.listed = listed;
        }

        @Override
        public ActionTarget target() {
            GroupVersionKind gvk = switch (object.kind()) {
                case "StatefulSet" -> Workloads.STATEFUL_SET;
                case "DaemonSet" -> Workloads.DAEMON_SET;
                case "ReplicaSet" -> Workloads.REPLICA_SET;
                default -> Workloads.DEPLOYMENT;
            };
            return new ActionTarget("prod", gvk, object.namespace(), object.name());
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
        public List<KubeObject> list(GroupVersionKind gvk, String namespace, String labelSelector) {
            listCalls.add(gvk + " " + namespace + " " + labelSelector);
            return listed;
        }

        @Override
        public Instant now() {
            return NOW;
        }
    }

    static ActionPlan plan(Action action, KubeObject object, Map<String, String> parameters, List<KubeObject> listed)
            throws ActionException {
        return action.plan(new Context(object, parameters, listed));
    }

    static ActionPlan plan(Action action, KubeObject object, Map<String, String> parameters) throws ActionException {
        return plan(action, object, parameters, List.of());
    }

    static ActionPlan plan(Action action, KubeObject object) throws ActionException {
        return plan(action, object, Map.of());
    }

    static Mutation.Patch onlyPatch(ActionPlan plan) {
        assertThat(plan.mutations()).hasSize(1);
        return (Mutation.Patch) plan.mutations().getFirst();
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    /** The object with one field set (null removes it), leaving the fixture as it was. */
    @SuppressWarnings("unchecked")
    static KubeObject with(KubeObject object, Object value, String... path) {
        Map<String, Object> copy = (Map<String, Object>) Json.copy(object.raw());
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

    /** A workload of the given kind with only the fields given as path=value pairs ("spec.replicas", 3). */
    static KubeObject workload(String kind, Object... pathsAndValues) {
        KubeObject object = KubeObject.of(new LinkedHashMap<>(Map.of("kind", kind,
                "metadata", new LinkedHashMap<>(Map.of("name", "web", "namespace", "shop")))));
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            object = with(object, pathsAndValues[i + 1], ((String) pathsAndValues[i]).split("\\."));
        }
        return object;
    }
}
