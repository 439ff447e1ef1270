package dev.pilothouse.core.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bytes after the last LF of the newest day file: an append that was interrupted (killed process, power loss) before
 * it was acknowledged. The writer never accepts them as a record and never drops them: they are moved byte for byte
 * into {@code audit-DAY.jsonl.OFFSET.torn}, the day file is cut back to its last complete line, and a record with
 * action {@value #ACTION} says so in the chain. See docs/audit-format.md.
 *
 * @param dayFile the day file the bytes were cut from
 * @param offset  where they started
 * @param keptIn  the file that holds them now
 * @param length  how many bytes
 * @param sha256  their SHA-256, so an auditor can check the kept file
 */
public record TornTail(Path dayFile, long offset, Path keptIn, long length, String sha256) {

    /** The action id of the record that reports a torn tail. */
    public static final String ACTION = "pilothouse.audit.torn-tail";

    /**
     * Moves the bytes from {@code offset} to the end of the day file aside. Crash-safe in this order: the kept copy
     * is durable before the day file is cut, and a cut without its record is finished by {@link #pending} at the
     * next open.
     */
    static TornTail moveAside(Path dayFile, long offset) throws IOException {
        byte[] torn;
        try (FileChannel in = FileChannel.open(dayFile, StandardOpenOption.READ)) {
            torn = new byte[Math.toIntExact(in.size() - offset)];
            ByteBuffer buffer = ByteBuffer.wrap(torn);
            while (buffer.hasRemaining() && in.read(buffer, offset + buffer.position()) >= 0) {
                // read until full
            }
        }
        Path kept = AuditFiles.tornFile(dayFile, offset);
        // An earlier tail cut at the same offset (its record is written first, see AuditLog) is never overwritten.
        for (int n = 2; Files.exists(kept) && !java.util.Arrays.equals(Files.readAllBytes(kept), torn); n++) {
            kept = numbered(dayFile, offset, n);
        }
        try (FileChannel out = FileChannel.open(kept, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(torn);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        Durability.syncDirectory(dayFile.getParent());
        try (FileChannel day = FileChannel.open(dayFile, StandardOpenOption.WRITE)) {
            day.truncate(offset);
            day.force(true);
        }
        return new TornTail(dayFile, offset, kept, torn.length, AuditChain.sha256(torn));
    }

    /**
     * A tail that was moved aside from the newest day file whose record never made it (the process died between the
     * cut and the record): its kept file's offset is exactly the day file's size (without any new torn tail).
     */
    static Optional<TornTail> pending(Path newestDayFile, long size, Optional<AuditRecord> lastRecord)
            throws IOException {
        if (newestDayFile == null) {
            return Optional.empty();
        }
        Path first = AuditFiles.tornFile(newestDayFile, size);
        if (!Files.isRegularFile(first)) {
            return Optional.empty();
        }
        // The newest of the tails kept for this offset is the one that may lack its record.
        Path newest = first;
        for (int n = 2; Files.isRegularFile(numbered(newestDayFile, size, n)); n++) {
            newest = numbered(newestDayFile, size, n);
        }
        Path kept = newest;
        boolean recorded = lastRecord.map(r -> r.entry().action().equals(ACTION)
                && kept.getFileName().toString().equals(r.entry().parameters().get("keptIn"))).orElse(false);
        if (recorded) {
            return Optional.empty();
        }
        byte[] torn = Files.readAllBytes(kept);
        return Optional.of(new TornTail(newestDayFile, size, kept, torn.length, AuditChain.sha256(torn)));
    }

    private static Path numbered(Path dayFile, long offset, int n) {
        return dayFile.resolveSibling(dayFile.getFileName() + "." + offset + "." + n + ".torn");
    }

    /** The chain record that reports this tail. */
    AuditEntry toEntry(String localUser) {
        return new AuditEntry(localUser, "", "", ACTION,
                new AuditTarget("AuditFile", "", dayFile.getFileName().toString()),
                Map.of("file", dayFile.getFileName().toString(),
                        "offset", Long.toString(offset),
                        "length", Long.toString(length),
                        "sha256", sha256,
                        "keptIn", keptIn.getFileName().toString()),
                List.of(), false, "",
                AuditOutcome.succeeded("An interrupted append left " + length + " bytes without a newline at byte "
                        + offset + " of " + dayFile.getFileName() + "; they were never acknowledged and are kept in "
                        + keptIn.getFileName() + "."),
                Optional.empty(), Optional.empty());
    }
}
