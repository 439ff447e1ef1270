package dev.pilothouse.plugins.mlworkloads.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, mutable copies of the read-only JSON trees a {@link dev.pilothouse.sdk.kube.KubeObject} holds. */
final class Trees {

    private Trees() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(Map<String, ?> map) {
        return (Map<String, Object>) copyValue(map);
    }

    static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copyValue(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copyValue(v)));
            return copy;
        }
        return value;
    }
}
