package dev.pilothouse.core.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a directory's chain from the genesis value to the last record: every line is a canonical record, its
 * sequence number follows the previous one, its prevHash is the SHA-256 of the previous line's bytes and its hash
 * matches its content. Stops at the first problem, because everything after it is unproven.
 */
public final class AuditVerifier {

    private AuditVerifier() {
    }

    /** Verifies every day file of the directory in name (= time) order. */
    public static VerificationReport verify(Path dir) throws IOException {
        List<Path> files = AuditFiles.dayFiles(dir);
        String prevHash = AuditChain.GENESIS;
        long expectedSeq = 1;
        long records = 0;
        List<TornTailNote> tornTails = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            boolean newestFile = f == files.size() - 1;
            try (LineScanner lines = new LineScanner(file)) {
                byte[] line;
                while ((line = lines.next()) != null) {
                    int n = lines.lineNumber();
                    if (!lines.terminated()) {
                        return broken(files, records, prevHash, tornTails, file, n, newestFile
                                ? "torn last line: " + line.length + " bytes without a trailing newline (an append"
                                + " was interrupted before it was acknowledged; opening the log for writing moves"
                                + " them aside to " + AuditFiles.tornFile(file, lines.lineStart()).getFileName()
                                + " and records that)"
                                : "line without a trailing newline, but newer day files follow");
                    }
                    AuditRecord record;
                    try {
                        record = AuditRecordCodec.parse(line);
                    } catch (AuditRecordCodec.BadRecordException e) {
                        return broken(files, records, prevHash, tornTails, file, n, e.getMessage());
                    }
                    if (record.seq() != expectedSeq) {
                        return broken(files, records, prevHash, tornTails, file, n, "sequence number "
                                + record.seq() + " where " + expectedSeq + " was expected (a record was removed,"
                                + " inserted or moved)");
                    }
                    if (!record.prevHash().equals(prevHash)) {
                        return broken(files, records, prevHash, tornTails, file, n, "prevHash does not match the"
                                + " SHA-256 of the previous record's line (the previous record was edited, or"
                                + " records were removed or moved)");
                    }
                    if (record.entry().action().equals(TornTail.ACTION)) {
                        tornTails.add(TornTailNote.of(file, n, record));
                    }
                    prevHash = AuditChain.sha256(lineWithLf(line));
                    expectedSeq++;
                    records++;
                }
            }
        }
        return new VerificationReport(files.size(), records, prevHash, Optional.empty(), tornTails);
    }

    private static VerificationReport broken(List<Path> files, long records, String prevHash,
                                             List<TornTailNote> tornTails, Path file, int line, String reason) {
        return new VerificationReport(files.size(), records, prevHash,
                Optional.of(new Problem(file, line, reason)), tornTails);
    }

    private static byte[] lineWithLf(byte[] line) {
        byte[] full = java.util.Arrays.copyOf(line, line.length + 1);
        full[line.length] = '\n';
        return full;
    }

    /**
     * The first record that breaks the chain.
     *
     * @param file   the day file
     * @param line   1-based line number in it
     * @param reason what is wrong
     */
    public record Problem(Path file, int line, String reason) {

        /** {@code file:line: reason}, the form editors and terminals link. */
        @Override
        public String toString() {
            return file + ":" + line + ": " + reason;
        }
    }

    /** A torn tail the writer moved aside, as its record in the chain tells it. */
    public record TornTailNote(Path file, int line, String detail) {

        /** The record's message, and whether the kept bytes are still there unchanged (they are outside the chain). */
        static TornTailNote of(Path file, int line, AuditRecord record) {
            String keptIn = record.entry().parameters().getOrDefault("keptIn", "");
            Path kept = file.resolveSibling(keptIn);
            String check;
            try {
                check = keptIn.isEmpty() || !java.nio.file.Files.isRegularFile(kept) ? " (the kept file is missing)"
                        : AuditChain.sha256(java.nio.file.Files.readAllBytes(kept))
                        .equals(record.entry().parameters().get("sha256")) ? ""
                        : " (the kept file no longer matches its recorded sha256)";
            } catch (IOException e) {
                check = " (the kept file could not be read: " + e.getMessage() + ")";
            }
            return new TornTailNote(file, line, record.entry().outcome().message() + check);
        }

        @Override
        public String toString() {
            return file + ":" + line + ": " + detail;
        }
    }

    /**
     * What a verification found.
     *
     * @param files     day files examined
     * @param records   records verified before the first problem (all of them when intact)
     * @param lastHash  SHA-256 of the last verified line (the genesis value when there is none): note it somewhere
     *                  else to detect later truncation of the log
     * @param problem   the first problem, empty when every chain is intact
     * @param tornTails torn tails that were moved aside (recorded in the chain, so not a problem)
     */
    public record VerificationReport(int files, long records, String lastHash, Optional<Problem> problem,
                                     List<TornTailNote> tornTails) {

        public boolean intact() {
            return problem.isEmpty();
        }

        /** One line: files, records, last hash. */
        public String summary() {
            return (intact() ? "audit log intact: " : "audit log broken: ") + files + (files == 1 ? " file, " : " files, ")
                    + records + (records == 1 ? " record" : " records") + (intact() ? "" : " verified before the problem")
                    + ", last hash " + lastHash;
        }
    }
}
