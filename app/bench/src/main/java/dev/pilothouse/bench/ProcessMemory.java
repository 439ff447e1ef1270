package dev.pilothouse.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

/** Heap after full GC, RSS from /proc, and live-object class histograms (GC.class_histogram, in process). */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Heap in use after full collections (SerialGC: System.gc() is a full, compacting collection). */
    static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** A field of /proc/self/status in kB (VmRSS, VmHWM). */
    static long procStatusKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
            }
        }
        return -1;
    }

    /** One histogram row. */
    record ClassBytes(String className, long instances, long bytes) {
    }

    /** Live objects by class (forces a full GC), via the DiagnosticCommand MBean (jcmd GC.class_histogram, in process). */
    static Map<String, ClassBytes> histogram() {
        String text;
        try {
            text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("GC.class_histogram failed", e);
        }
        Map<String, ClassBytes> result = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            // " num: instances bytes class (module)"
            if (f.length >= 4 && f[0].endsWith(":") && Character.isDigit(f[0].charAt(0))) {
                result.put(f[3], new ClassBytes(f[3], Long.parseLong(f[1]), Long.parseLong(f[2])));
            }
        }
        return result;
    }

    /** The classes whose live bytes grew most between two histograms. */
    static List<ClassBytes> growth(Map<String, ClassBytes> before, Map<String, ClassBytes> after, int top) {
        List<ClassBytes> diff = new ArrayList<>();
        for (ClassBytes a : after.values()) {
            ClassBytes b = before.get(a.className());
            long bytes = a.bytes() - (b == null ? 0 : b.bytes());
            long count = a.instances() - (b == null ? 0 : b.instances());
            diff.add(new ClassBytes(a.className(), count, bytes));
        }
        diff.sort((x, y) -> Long.compare(y.bytes(), x.bytes()));
        return diff.subList(0, Math.min(top, diff.size()));
    }
}
