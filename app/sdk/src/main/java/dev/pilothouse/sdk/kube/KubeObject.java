package dev.pilothouse.sdk.kube;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A read-only view of one Kubernetes object as a JSON tree (maps, lists, strings, numbers, booleans). Path lookups
 * never throw: a missing or mistyped field reads as empty, because real objects routinely lack status fields.
 *
 * <p>Paths are given as segments, so keys with dots stay unambiguous:
 * {@code obj.string("metadata", "labels", "app.kubernetes.io/name")}. A segment that is a number indexes a list.
 */
public final class KubeObject {

    private final Map<String, Object> root;

    private KubeObject(Map<String, Object> root) {
        this.root = root;
    }

    /** Wraps a JSON tree; the map is not copied and must not be changed afterwards. */
    public static KubeObject of(Map<String, Object> tree) {
        return new KubeObject(Objects.requireNonNull(tree, "tree"));
    }

    /** The underlying tree, unmodifiable. */
    public Map<String, Object> raw() {
        return Collections.unmodifiableMap(root);
    }

    /** The value at a path, if present. */
    public Optional<Object> get(String... path) {
        Object node = root;
        for (String segment : path) {
            if (node instanceof Map<?, ?> map) {
                node = map.get(segment);
            } else if (node instanceof List<?> list && isIndex(segment)) {
                int index = Integer.parseInt(segment);
                node = index < list.size() ? list.get(index) : null;
            } else {
                return Optional.empty();
            }
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    private static boolean isIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 9) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The string at a path; numbers and booleans are rendered as text; empty if absent. */
    public String string(String... path) {
        return get(path).map(v -> v instanceof Map || v instanceof List ? "" : String.valueOf(v)).orElse("");
    }

    /** The number at a path as a long; a numeric string is parsed (Argo Rollouts writes some counters as strings). */
    public long number(String... path) {
        Object value = get(path).orElse(null);
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** Whether a number or numeric string is present at the path. */
    public boolean hasNumber(String... path) {
        Object value = get(path).orElse(null);
        if (value instanceof Number) {
            return true;
        }
        return value instanceof String s && s.strip().matches("-?\\d+");
    }

    /** The boolean at a path; {@code "true"} counts; false if absent. */
    public boolean flag(String... path) {
        Object value = get(path).orElse(null);
        return value instanceof Boolean b ? b : value instanceof String s && s.equalsIgnoreCase("true");
    }

    /** The timestamp (RFC 3339) at a path, if present and valid. */
    public Optional<Instant> instant(String... path) {
        String text = string(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The object (map) at a path, wrapped; empty if absent or not an object. */
    @SuppressWarnings("unchecked")
    public Optional<KubeObject> object(String... path) {
        return get(path).filter(Map.class::isInstance).map(m -> new KubeObject((Map<String, Object>) m));
    }

    /** The objects of the list at a path; non-object items are skipped. */
    @SuppressWarnings("unchecked")
    public List<KubeObject> objects(String... path) {
        Object value = get(path).orElse(null);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(m -> new KubeObject((Map<String, Object>) m)).toList();
    }

    /** The string-to-string map at a path (labels, annotations, capacity); other values are rendered as text. */
    public Map<String, String> stringMap(String... path) {
        Object value = get(path).orElse(null);
        if (!(value instanceof Map<?, ?> map)) {
            return Map.of();
        }
        var result = new java.util.LinkedHashMap<String, String>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                result.put(String.valueOf(k), String.valueOf(v));
            }
        });
        return Collections.unmodifiableMap(result);
    }

    /** {@code apiVersion}. */
    public String apiVersion() {
        return string("apiVersion");
    }

    /** {@code kind}. */
    public String kind() {
        return string("kind");
    }

    /** {@code metadata.name}. */
    public String name() {
        return string("metadata", "name");
    }

    /** {@code metadata.namespace}, empty for cluster-scoped objects. */
    public String namespace() {
        return string("metadata", "namespace");
    }

    /** {@code metadata.uid}. */
    public String uid() {
        return string("metadata", "uid");
    }

    /** {@code metadata.resourceVersion}. */
    public String resourceVersion() {
        return string("metadata", "resourceVersion");
    }

    /** {@code metadata.generation}, 0 if absent. */
    public long generation() {
        return number("metadata", "generation");
    }

    /** {@code metadata.creationTimestamp}. */
    public Optional<Instant> creationTimestamp() {
        return instant("metadata", "creationTimestamp");
    }

    /** {@code metadata.labels}. */
    public Map<String, String> labels() {
        return stringMap("metadata", "labels");
    }

    /** {@code metadata.annotations}. */
    public Map<String, String> annotations() {
        return stringMap("metadata", "annotations");
    }

    /** The condition of the given type in {@code status.conditions}, if reported. */
    public Optional<KubeObject> condition(String type) {
        return objects("status", "conditions").stream().filter(c -> type.equals(c.string("type"))).findFirst();
    }

    @Override
    public String toString() {
        return kind() + " " + (namespace().isEmpty() ? "" : namespace() + "/") + name();
    }
}
