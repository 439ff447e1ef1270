package dev.pilothouse.core.audit;

import java.util.Comparator;

/**
 * Writes the canonical JSON of docs/audit-format.md: members in the order the caller writes them, no whitespace,
 * strings escaped minimally and everything else written as UTF-8. The rules are those of Python's
 * {@code json.dumps(obj, ensure_ascii=False, separators=(",", ":"))}, so an auditor can reproduce the bytes with
 * stock tools. The hash chain depends on these bytes: never change the output for existing records.
 */
final class CanonicalJson {

    /** Map keys are sorted by Unicode code point (what Python's sorted() does; String.compareTo differs above U+FFFF). */
    static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private final StringBuilder out = new StringBuilder(512);
    private boolean needComma;

    CanonicalJson beginObject() {
        separate();
        out.append('{');
        needComma = false;
        return this;
    }

    CanonicalJson endObject() {
        out.append('}');
        needComma = true;
        return this;
    }

    CanonicalJson beginArray() {
        separate();
        out.append('[');
        needComma = false;
        return this;
    }

    CanonicalJson endArray() {
        out.append(']');
        needComma = true;
        return this;
    }

    /** A member name; the value follows with the next call. */
    CanonicalJson name(String name) {
        separate();
        string(name);
        out.append(':');
        needComma = false;
        return this;
    }

    CanonicalJson value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        needComma = true;
        return this;
    }

    CanonicalJson value(long value) {
        separate();
        out.append(value);
        needComma = true;
        return this;
    }

    CanonicalJson value(boolean value) {
        separate();
        out.append(value);
        needComma = true;
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void separate() {
        if (needComma) {
            out.append(',');
            needComma = false;
        }
    }

    /**
     * Escapes as docs/audit-format.md fixes it. The SDK's JsonBody escapes alike today, but plans' bodies may change
     * their writer; the audit format may not, or old chains stop verifying, so it keeps its own.
     */
    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        // Lone surrogates cannot be encoded as UTF-8: escaping keeps them (and the bytes) exact.
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
