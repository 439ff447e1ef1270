package dev.pilothouse.core.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The names of the day files: {@code audit-YYYY-MM-DD.jsonl}, one per UTC day; their name order is chain order. */
public final class AuditFiles {

    private static final Pattern DAY_FILE = Pattern.compile("audit-(\\d{4}-\\d{2}-\\d{2})\\.jsonl");

    /** Held by the one writer of a directory. */
    static final String LOCK_FILE = "audit.lock";

    private AuditFiles() {
    }

    public static String nameFor(LocalDate day) {
        return "audit-" + day + ".jsonl";
    }

    static LocalDate utcDay(Instant time) {
        return LocalDate.ofInstant(time, ZoneOffset.UTC);
    }

    /** The day a day file covers, or null when the name is not a day file's. */
    public static LocalDate dayOf(Path file) {
        Matcher m = DAY_FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.parse(m.group(1));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The day files of a directory, oldest first; empty when the directory does not exist. */
    public static List<Path> dayFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            // ISO dates sort by name in time order.
            return files.filter(f -> dayOf(f) != null && Files.isRegularFile(f)).sorted().toList();
        }
    }

    /** Where the torn tail found at this offset of a day file is kept. */
    static Path tornFile(Path dayFile, long offset) {
        return dayFile.resolveSibling(dayFile.getFileName() + "." + offset + ".torn");
    }
}
