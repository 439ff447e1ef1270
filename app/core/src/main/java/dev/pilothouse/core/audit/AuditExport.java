package dev.pilothouse.core.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the records of a directory as JSON Lines, byte for byte (so the copies still verify and hash the same),
 * for Splunk, ELK or an auditor. Only complete lines are copied: a torn tail is never passed on as a record.
 */
public final class AuditExport {

    private AuditExport() {
    }

    /**
     * @param since the first UTC day to copy (by day file), or null for all
     * @return what was copied and what was left out
     */
    public static Result copy(Path dir, LocalDate since, OutputStream out) throws IOException {
        long records = 0;
        List<String> skipped = new ArrayList<>();
        for (Path file : AuditFiles.dayFiles(dir)) {
            if (since != null && AuditFiles.dayOf(file).isBefore(since)) {
                continue;
            }
            try (LineScanner lines = new LineScanner(file)) {
                byte[] line;
                while ((line = lines.next()) != null) {
                    if (!lines.terminated()) {
                        skipped.add(file + ":" + lines.lineNumber() + ": torn last line (" + line.length
                                + " bytes without a trailing newline) left out");
                        break;
                    }
                    out.write(line);
                    out.write('\n');
                    records++;
                }
            }
        }
        out.flush();
        return new Result(records, skipped);
    }

    /**
     * @param lines   complete lines copied
     * @param skipped what was left out, as {@code file:line: reason}
     */
    public record Result(long lines, List<String> skipped) {
    }
}
