package dev.pilothouse.plugins.clusters.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep copies of the read-only trees a {@link dev.pilothouse.sdk.kube.KubeObject} holds, for actions that build a
 * body from parts of the object (undo). Bodies are written with {@link dev.pilothouse.sdk.action.JsonBody}.
 */
final class Json {

    private Json() {
    }

    /** A deep, mutable copy of a JSON value. */
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return value;
    }
}
