package dev.pilothouse.plugins.monitoring.silences;

import dev.pilothouse.sdk.alerts.Matcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Matchers as people type them, the way Alertmanager and amtool print them:
 * {@code alertname="X", namespace=~"ml-.*", pod!="a"}. Errors name the position and what was expected.
 */
public final class MatcherText {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private MatcherText() {
    }

    /** Matchers that select exactly this label set, skipping labels that differ between instances anyway. */
    public static List<Matcher> exactly(Map<String, String> labels) {
        List<Matcher> matchers = new ArrayList<>();
        new TreeMap<>(labels).forEach((name, value) -> {
            if (!name.equals("__name__")) {
                matchers.add(Matcher.equal(name, value));
            }
        });
        return matchers;
    }

    /** Prints matchers: {@code a="1", b=~"x.*"}. */
    public static String format(List<Matcher> matchers) {
        return String.join(", ", matchers.stream().map(Matcher::toString).toList());
    }

    /**
     * Parses matchers.
     *
     * @throws IllegalArgumentException naming the position of the first error
     */
    public static List<Matcher> parse(String text) {
        List<Matcher> matchers = new ArrayList<>();
        int i = skipSpaces(text, 0);
        if (i < text.length() && text.charAt(i) == '{' && text.strip().endsWith("}")) {
            text = text.strip();
            text = text.substring(1, text.length() - 1);
            i = skipSpaces(text, 0);
        }
        while (i < text.length()) {
            var name = NAME.matcher(text).region(i, text.length());
            if (!name.lookingAt()) {
                throw error(text, i, "a label name");
            }
            i = skipSpaces(text, name.end());
            String op = text.startsWith("=~", i) ? "=~" : text.startsWith("!~", i) ? "!~"
                    : text.startsWith("!=", i) ? "!=" : text.startsWith("=", i) ? "=" : null;
            if (op == null) {
                throw error(text, i, "=, !=, =~ or !~ after '" + name.group() + "'");
            }
            i = skipSpaces(text, i + op.length());
            if (i >= text.length() || text.charAt(i) != '"') {
                throw error(text, i, "a quoted value");
            }
            StringBuilder value = new StringBuilder();
            i++;
            while (i < text.length() && text.charAt(i) != '"') {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length()) {
                    i++;
                    c = text.charAt(i);
                }
                value.append(c);
                i++;
            }
            if (i >= text.length()) {
                throw error(text, i, "a closing quote");
            }
            i++;
            boolean regex = op.endsWith("~");
            if (regex) {
                try {
                    Pattern.compile(value.toString());
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("matcher " + (matchers.size() + 1) + " ('" + name.group()
                            + "'): not a valid regular expression: " + e.getDescription());
                }
            }
            matchers.add(new Matcher(name.group(), value.toString(), regex, op.startsWith("=")));
            i = skipSpaces(text, i);
            if (i < text.length()) {
                if (text.charAt(i) != ',') {
                    throw error(text, i, "',' between matchers");
                }
                i = skipSpaces(text, i + 1);
            }
        }
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("a silence needs at least one matcher, e.g. alertname=\"X\"");
        }
        if (matchers.stream().allMatch(m -> m.matches(Map.of()))) {
            // Alertmanager refuses these too: they would also silence alerts that lack the labels.
            throw new IllegalArgumentException("at least one matcher must not match an empty value, or the silence "
                    + "would mute alerts that do not have the label at all");
        }
        return matchers;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static IllegalArgumentException error(String text, int at, String expected) {
        String found = at >= text.length() ? "the end" : "'" + text.substring(at, Math.min(text.length(), at + 12)) + "'";
        return new IllegalArgumentException("at character " + (at + 1) + ": expected " + expected + ", found " + found);
    }
}
