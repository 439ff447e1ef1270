package dev.pilothouse.plugins.clusters.actions;

import dev.pilothouse.sdk.kube.KubeObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Pod templates of Deployments and their ReplicaSets, compared and copied the way kubectl's rollback does. */
final class PodTemplates {

    /** The label the deployment controller adds to each ReplicaSet's template (apps/v1 DefaultDeploymentUniqueLabelKey). */
    static final String HASH_LABEL = "pod-template-hash";

    private PodTemplates() {
    }

    /** {@code spec.template} as a deep, mutable copy; empty when absent. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> of(KubeObject owner) {
        return owner.object("spec", "template").map(t -> (Map<String, Object>) Json.copy(t.raw()))
                .orElseGet(LinkedHashMap::new);
    }

    /**
     * The template without the hash label, as kubectl patches it back into the Deployment. A label map left empty is
     * dropped, as Go's {@code omitempty} drops it when kubectl marshals the template.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutHash(Map<String, Object> template) {
        Map<String, Object> copy = (Map<String, Object>) Json.copy(template);
        if (copy.get("metadata") instanceof Map<?, ?> metadata
                && metadata.get("labels") instanceof Map<?, ?> labels) {
            labels.remove(HASH_LABEL);
            if (labels.isEmpty()) {
                metadata.remove("labels");
            }
        }
        return copy;
    }

    /**
     * kubectl's equalIgnoreHash (rollback.go): equal once the hash label is removed from both, compared with
     * apimachinery's semantic equality, which treats nil and empty maps and lists alike. Here that is: nulls, empty
     * objects and empty lists are dropped, and numbers compare by value. Quantities are not parsed: both templates
     * come from the API server, which writes them in canonical form.
     */
    static boolean equalIgnoringHash(Map<String, Object> left, Map<String, Object> right) {
        return Objects.equals(normalized(withoutHash(left)), normalized(withoutHash(right)));
    }

    private static Object normalized(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object n = normalized(v);
                if (!isEmpty(n)) {
                    result.put(String.valueOf(k), n);
                }
            });
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            list.forEach(v -> result.add(normalized(v)));
            return result;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        return value;
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof Map<?, ?> m && m.isEmpty() || value instanceof List<?> l && l.isEmpty();
    }
}
