package dev.pilothouse.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Summarises a JFR recording's execution samples: samples per thread, then for the threads matching a filter the
 * methods by inclusive share (in any frame of the stack) and the first frame of Pilothouse code in each stack.
 * Used by {@code app/bench/jfr-top FILE [THREAD_SUBSTRING]}.
 */
public final class JfrTop {

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: jfr-top RECORDING.jfr [THREAD_NAME_SUBSTRING]");
            System.exit(2);
        }
        String filter = args.length == 2 ? args[1] : null;
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0])).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample")).toList();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int selected = 0;
        for (RecordedEvent e : events) {
            String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            String group = thread == null ? "?" : thread.replaceAll("\\d+", "#");
            threads.merge(group, 1, Integer::sum);
            if (filter != null && (thread == null || !thread.contains(filter))) {
                continue;
            }
            selected++;
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            boolean oursFound = false;
            for (RecordedFrame f : stack.getFrames()) {
                String m = f.getMethod().getType().getName() + "." + f.getMethod().getName();
                if (seen.add(m)) {
                    inclusive.merge(m, 1, Integer::sum);
                }
                if (!oursFound && m.startsWith("dev.pilothouse.") && !m.startsWith("dev.pilothouse.bench.")) {
                    ours.merge(m, 1, Integer::sum);
                    oursFound = true;
                }
            }
        }
        System.out.println("samples per thread:");
        print(threads, events.size(), 12);
        System.out.println("inclusive, " + (filter == null ? "all threads" : "threads matching '" + filter + "'")
                + " (" + selected + " samples):");
        print(inclusive, selected, 40);
        System.out.println("first Pilothouse frame:");
        print(ours, selected, 20);
    }

    private static void print(Map<String, Integer> counts, int total, int top) {
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
                .forEach(e -> System.out.println(String.format(Locale.ROOT, "  %6d %5.1f%%  %s", e.getValue(),
                        100.0 * e.getValue() / Math.max(1, total), e.getKey())));
    }
}
