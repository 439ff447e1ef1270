package dev.pilothouse.core.search;

import java.util.Locale;

/**
 * Scores how well a typed query matches a candidate, the way command palettes do: every query character must appear
 * in order; consecutive runs, word starts and an early first match score higher. Zero means no match.
 */
public final class FuzzyMatcher {

    private FuzzyMatcher() {
    }

    /**
     * The score of {@code candidate} for {@code query}; 0 when it does not match. An empty query matches everything
     * with 1. Order: substrings at a word start, then initials, then other substrings, then scattered matches.
     */
    public static int score(String query, String candidate) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return 1;
        }
        String c = candidate.toLowerCase(Locale.ROOT);
        int exact = c.indexOf(q);
        if (exact >= 0) {
            // A substring beats any scattered match; a prefix or word-start substring beats a mid-word one.
            return (isWordStart(candidate, exact) ? 1300 : 900) - Math.min(exact, 200) + q.length() * 10;
        }
        if (isSubsequence(q.replace(" ", ""), initials(candidate))) {
            // "sc" for "Switch context": initials are what people type when they know the name.
            return 1100 - candidate.length();
        }
        int score = 0;
        int ci = 0;
        int run = 0;
        int first = -1;
        for (int qi = 0; qi < q.length(); qi++) {
            char ch = q.charAt(qi);
            if (ch == ' ') {
                continue;
            }
            int found = c.indexOf(ch, ci);
            if (found < 0) {
                return 0;
            }
            if (first < 0) {
                first = found;
            }
            run = found == ci && qi > 0 ? run + 1 : 0;
            score += 10 + run * 15 + (isWordStart(candidate, found) ? 25 : 0);
            ci = found + 1;
        }
        return Math.max(1, score - Math.min(first, 50));
    }

    private static String initials(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i)) && isWordStart(s, i)) {
                b.append(Character.toLowerCase(s.charAt(i)));
            }
        }
        return b.toString();
    }

    private static boolean isSubsequence(String needle, String haystack) {
        int at = 0;
        for (int i = 0; i < needle.length(); i++) {
            at = haystack.indexOf(needle.charAt(i), at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return !needle.isEmpty();
    }

    private static boolean isWordStart(String s, int i) {
        if (i == 0) {
            return true;
        }
        char prev = s.charAt(i - 1);
        char cur = s.charAt(i);
        return !Character.isLetterOrDigit(prev) || (Character.isLowerCase(prev) && Character.isUpperCase(cur));
    }
}
