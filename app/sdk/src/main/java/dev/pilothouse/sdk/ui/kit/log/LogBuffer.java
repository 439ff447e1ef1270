package dev.pilothouse.sdk.ui.kit.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ring buffer behind a log view: keeps at most {@code limit} lines, dropping the oldest, and counts what it
 * dropped so the view can say so. Pure and single-threaded (the FX thread owns it).
 */
public final class LogBuffer {

    /**
     * One line and where it came from.
     *
     * @param source the pod (and container) it came from
     * @param colour index of the source's colour, stable per source
     * @param text   the line
     */
    public record Line(String source, int colour, String text) {
    }

    private final int limit;
    private final List<Line> lines = new ArrayList<>();
    private long dropped;

    public LogBuffer(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
    }

    /** Appends lines; returns how many of the oldest lines were dropped to make room. */
    public int append(List<Line> added) {
        lines.addAll(added);
        int excess = lines.size() - limit;
        if (excess > 0) {
            lines.subList(0, excess).clear();
            dropped += excess;
            return excess;
        }
        return 0;
    }

    public List<Line> lines() {
        return lines;
    }

    public long dropped() {
        return dropped;
    }

    public int limit() {
        return limit;
    }

    /** Indexes of the lines containing the query, case-insensitively. */
    public List<Integer> matches(String query) {
        List<Integer> found = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return found;
        }
        String q = query.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).text().toLowerCase(Locale.ROOT).contains(q)) {
                found.add(i);
            }
        }
        return found;
    }

    /** Character ranges {@code [start, end)} of the query in a line, for highlighting. */
    public static List<int[]> ranges(String text, String query) {
        List<int[]> ranges = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return ranges;
        }
        String t = text.toLowerCase(Locale.ROOT);
        String q = query.toLowerCase(Locale.ROOT);
        int from = 0;
        int at;
        while ((at = t.indexOf(q, from)) >= 0) {
            ranges.add(new int[] {at, at + q.length()});
            from = at + q.length();
        }
        return ranges;
    }
}
