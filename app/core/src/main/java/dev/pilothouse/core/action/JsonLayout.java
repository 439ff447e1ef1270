package dev.pilothouse.core.action;

/**
 * Indents JSON text for reading without parsing it: only whitespace between tokens changes, so every name, string
 * and number stays exactly as it will be sent (a parser would, for instance, turn {@code 1.10} into {@code 1.1}).
 */
public final class JsonLayout {

    private static final String INDENT = "  ";

    private JsonLayout() {
    }

    /** The text indented by two spaces per level; text that is not JSON comes back re-spaced but otherwise intact. */
    public static String indent(String json) {
        StringBuilder out = new StringBuilder(json.length() + json.length() / 4);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    int close = nextToken(json, i + 1);
                    if (close < json.length() && json.charAt(close) == (c == '{' ? '}' : ']')) {
                        out.append(c).append(json.charAt(close)); // {} and [] stay on one line
                        i = close;
                    } else {
                        depth++;
                        out.append(c);
                        newline(out, depth);
                    }
                }
                case '}', ']' -> {
                    depth = Math.max(0, depth - 1);
                    newline(out, depth);
                    out.append(c);
                }
                case ',' -> {
                    out.append(c);
                    newline(out, depth);
                }
                case ':' -> out.append(": ");
                case ' ', '\t', '\n', '\r' -> {
                    // whitespace between tokens is replaced by the layout's own
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int nextToken(String json, int from) {
        int i = from;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n').append(INDENT.repeat(depth));
    }
}
