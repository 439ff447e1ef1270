package dev.pilothouse.core.metrics.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pilothouse.core.metrics.endpoint.EndpointException;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON node that knows where it is ({@code data.groups[2].rules[0]}), so that an answer of the wrong shape fails
 * with a message naming the field instead of a NullPointerException.
 */
record Node(JsonNode node, String path, String endpoint) {

    /** Go's zero time, which Prometheus and Alertmanager print for "never". */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    /** A required object field. */
    Node field(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            throw malformed(at(name), "is missing");
        }
        return new Node(child, at(name), endpoint);
    }

    /** An optional field, or null. */
    @Nullable Node optional(String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : new Node(child, at(name), endpoint);
    }

    /** A required string field. */
    String text(String name) {
        Node child = field(name);
        if (!child.node.isTextual()) {
            throw malformed(child.path, "should be a string, is " + child.node.getNodeType().toString().toLowerCase());
        }
        return child.node.asText();
    }

    /** An optional string field, or "". */
    String textOr(String name) {
        Node child = optional(name);
        if (child == null) {
            return "";
        }
        if (!child.node.isValueNode()) {
            throw malformed(child.path, "should be a string");
        }
        return child.node.asText();
    }

    /** An optional boolean field. */
    boolean bool(String name, boolean otherwise) {
        Node child = optional(name);
        if (child == null) {
            return otherwise;
        }
        if (!child.node.isBoolean()) {
            throw malformed(child.path, "should be true or false");
        }
        return child.node.asBoolean();
    }

    /** An optional number of seconds (Prometheus prints durations so), or zero. */
    Duration seconds(String name) {
        Node child = optional(name);
        if (child == null) {
            return Duration.ZERO;
        }
        if (!child.node.isNumber()) {
            throw malformed(child.path, "should be a number of seconds");
        }
        return Duration.ofNanos(child.node.decimalValue().movePointRight(9).longValue());
    }

    /** An optional RFC 3339 time, or null when absent or Go's zero time. */
    @Nullable Instant instant(String name) {
        String text = textOr(name);
        if (text.isEmpty()) {
            return null;
        }
        try {
            Instant t = OffsetDateTime.parse(text).toInstant();
            return t.equals(GO_ZERO_TIME) ? null : t;
        } catch (DateTimeParseException e) {
            throw malformed(at(name), "is not an RFC 3339 time: '" + text + "'");
        }
    }

    /** An optional object of strings (labels, annotations), or an empty map. */
    Map<String, String> strings(String name) {
        Node child = optional(name);
        if (child == null) {
            return Map.of();
        }
        if (!child.node.isObject()) {
            throw malformed(child.path, "should be an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var entry : child.node.properties()) {
            if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                throw malformed(child.at(entry.getKey()), "should be a string");
            }
            out.put(entry.getKey(), entry.getValue().asText());
        }
        return out;
    }

    /** A required array field. */
    List<Node> array(String name) {
        return field(name).elements();
    }

    /** An optional array field, or an empty list. */
    List<Node> arrayOrEmpty(String name) {
        Node child = optional(name);
        return child == null ? List.of() : child.elements();
    }

    /** This node's elements; it must be an array. */
    List<Node> elements() {
        if (!node.isArray()) {
            throw malformed(path, "should be an array");
        }
        List<Node> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new Node(node.get(i), (path.isEmpty() ? "" : path) + "[" + i + "]", endpoint));
        }
        return out;
    }

    /** An array of strings, or empty when absent. */
    List<String> stringList(String name) {
        return arrayOrEmpty(name).stream().map(n -> {
            if (!n.node.isTextual()) {
                throw malformed(n.path, "should be a string");
            }
            return n.node.asText();
        }).toList();
    }

    EndpointException malformed(String field, String problem) {
        return EndpointException.malformed(endpoint, field.isEmpty() ? "the answer" : field, problem);
    }

    private String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
