package dev.pilothouse.plugins.clusters.crd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The subset of JSONPath that CRDs use in {@code additionalPrinterColumns}: {@code .a.b}, {@code [0]}, {@code [*]},
 * {@code ['dotted.key']} and filters {@code [?(@.type=="Ready")]}. Evaluation never throws: an expression it cannot
 * read yields no values, and the cell stays empty.
 */
public final class JsonPath {

    private JsonPath() {
    }

    /** The values the expression selects, as text, joined with commas (as kubectl prints them). */
    public static String text(Object root, String expression) {
        List<Object> values = evaluate(root, expression);
        List<String> parts = new ArrayList<>();
        for (Object v : values) {
            if (v != null && !(v instanceof Map) && !(v instanceof List)) {
                parts.add(String.valueOf(v));
            }
        }
        return String.join(",", parts);
    }

    /** The values the expression selects. */
    public static List<Object> evaluate(Object root, String expression) {
        String e = expression == null ? "" : expression.strip();
        if (e.startsWith("{") && e.endsWith("}")) {
            e = e.substring(1, e.length() - 1);
        }
        if (e.startsWith("$")) {
            e = e.substring(1);
        }
        List<Object> current = new ArrayList<>();
        current.add(root);
        int i = 0;
        try {
            while (i < e.length() && !current.isEmpty()) {
                char c = e.charAt(i);
                if (c == '.') {
                    int end = i + 1;
                    while (end < e.length() && e.charAt(end) != '.' && e.charAt(end) != '[') {
                        end++;
                    }
                    String key = e.substring(i + 1, end);
                    current = key.isEmpty() ? current : field(current, key);
                    i = end;
                } else if (c == '[') {
                    int end = closing(e, i);
                    current = bracket(current, e.substring(i + 1, end).strip());
                    i = end + 1;
                } else {
                    return List.of();
                }
            }
        } catch (RuntimeException malformed) {
            return List.of();
        }
        return current;
    }

    private static int closing(String e, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < e.length(); i++) {
            char c = e.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed [");
    }

    private static List<Object> field(List<Object> nodes, String key) {
        List<Object> out = new ArrayList<>();
        for (Object n : nodes) {
            if (n instanceof Map<?, ?> m && m.containsKey(key)) {
                out.add(m.get(key));
            } else if (key.equals("*") && n instanceof Map<?, ?> m) {
                out.addAll(m.values());
            }
        }
        return out;
    }

    private static List<Object> bracket(List<Object> nodes, String inner) {
        if (inner.equals("*")) {
            List<Object> out = new ArrayList<>();
            for (Object n : nodes) {
                if (n instanceof List<?> l) {
                    out.addAll(l);
                } else if (n instanceof Map<?, ?> m) {
                    out.addAll(m.values());
                }
            }
            return out;
        }
        if (inner.startsWith("'") || inner.startsWith("\"")) {
            return field(nodes, inner.substring(1, inner.length() - 1));
        }
        if (inner.startsWith("?(") && inner.endsWith(")")) {
            return filter(nodes, inner.substring(2, inner.length() - 1).strip());
        }
        int index = Integer.parseInt(inner);
        List<Object> out = new ArrayList<>();
        for (Object n : nodes) {
            if (n instanceof List<?> l && !l.isEmpty()) {
                int at = index < 0 ? l.size() + index : index;
                if (at >= 0 && at < l.size()) {
                    out.add(l.get(at));
                }
            }
        }
        return out;
    }

    /** {@code @.a.b=="x"} or {@code @.a!="x"}: keeps the list items whose path compares as asked. */
    private static List<Object> filter(List<Object> nodes, String condition) {
        boolean negate = condition.contains("!=");
        String[] sides = condition.split(negate ? "!=" : "==", 2);
        if (sides.length != 2 || !sides[0].strip().startsWith("@")) {
            return List.of();
        }
        String path = sides[0].strip().substring(1);
        String expected = sides[1].strip();
        if ((expected.startsWith("'") && expected.endsWith("'")) || (expected.startsWith("\"") && expected.endsWith("\""))) {
            expected = expected.substring(1, expected.length() - 1);
        }
        List<Object> out = new ArrayList<>();
        for (Object n : nodes) {
            if (n instanceof List<?> l) {
                for (Object item : l) {
                    boolean match = text(item, path).equals(expected);
                    if (match != negate) {
                        out.add(item);
                    }
                }
            }
        }
        return out;
    }
}
