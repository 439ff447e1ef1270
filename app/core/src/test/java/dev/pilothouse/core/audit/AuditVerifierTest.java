package dev.pilothouse.core.audit;

import dev.pilothouse.core.audit.AuditFixtures.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.pilothouse.core.audit.AuditFixtures.scale;
import static org.assertj.core.api.Assertions.assertThat;

class AuditVerifierTest {

    @TempDir
    Path dir;

    private Path day1;
    private Path day2;

    /** Five records on 23 November, three on the 24th. */
    @BeforeEach
    void writeTwoDays() throws Exception {
        ManualClock clock = new ManualClock("2026-11-23T10:00:00Z");
        try (AuditLog log = AuditLog.open(dir, clock)) {
            for (int i = 1; i <= 5; i++) {
                log.append(scale("d" + i, i));
            }
            clock.advance(Duration.ofDays(1));
            for (int i = 6; i <= 8; i++) {
                log.append(scale("d" + i, i));
            }
        }
        day1 = dir.resolve("audit-2026-11-23.jsonl");
        day2 = dir.resolve("audit-2026-11-24.jsonl");
    }

    @Test
    void anIntactLogVerifies() throws Exception {
        AuditVerifier.VerificationReport report = AuditVerifier.verify(dir);
        assertThat(report.problem()).isEmpty();
        assertThat(report.records()).isEqualTo(8);
        assertThat(report.files()).isEqualTo(2);
    }

    @Test
    void anEmptyOrMissingDirectoryIsAnIntactEmptyChain() throws Exception {
        AuditVerifier.VerificationReport report = AuditVerifier.verify(dir.resolve("none"));
        assertThat(report.intact()).isTrue();
        assertThat(report.lastHash()).isEqualTo(AuditChain.GENESIS);
    }

    @Test
    void anEditedValueIsReportedAtItsOwnLine() throws Exception {
        List<String> lines = lines(day1);
        lines.set(2, lines.get(2).replace("\"replicas\":\"3\"", "\"replicas\":\"30\""));
        write(day1, lines);
        assertProblem(day1, 3, "hash does not match the record's content (the record was edited)");
    }

    @Test
    void anEditWithARecomputedOwnHashIsCaughtByTheNextRecord() throws Exception {
        List<String> lines = lines(day1);
        AuditRecord original = parse(lines.get(1));
        AuditRecordCodec.Sealed forged = AuditRecordCodec.seal(original.seq(), original.time(),
                scale("forged", 99), original.prevHash());
        lines.set(1, new String(forged.line(), StandardCharsets.UTF_8).stripTrailing());
        write(day1, lines);
        assertProblem(day1, 3, "prevHash does not match the SHA-256 of the previous record's line");
    }

    @Test
    void aRemovedRecordIsReportedWhereItIsMissing() throws Exception {
        List<String> lines = lines(day1);
        lines.remove(3);
        write(day1, lines);
        assertProblem(day1, 4, "sequence number 5 where 4 was expected");
    }

    @Test
    void aRemovedRecordAtTheStartOfADayIsReportedInThatDaysFile() throws Exception {
        List<String> lines = lines(day2);
        lines.removeFirst();
        write(day2, lines);
        assertProblem(day2, 1, "sequence number 7 where 6 was expected");
    }

    @Test
    void aRemovedDayFileIsReported() throws Exception {
        Files.move(day1, dir.resolve("elsewhere.jsonl"));
        assertProblem(day2, 1, "sequence number 6 where 1 was expected");
    }

    @Test
    void reorderedRecordsAreReported() throws Exception {
        List<String> lines = lines(day1);
        String second = lines.get(1);
        lines.set(1, lines.get(2));
        lines.set(2, second);
        write(day1, lines);
        assertProblem(day1, 2, "sequence number 3 where 2 was expected");
    }

    @Test
    void renumberedRecordsAfterARemovalAreStillCaught() throws Exception {
        // An editor who removes record 2 and renumbers the rest still breaks the prevHash links.
        List<String> lines = lines(day1);
        lines.remove(1);
        for (int i = 1; i < lines.size(); i++) {
            AuditRecord r = parse(lines.get(i));
            AuditRecordCodec.Sealed resealed = AuditRecordCodec.seal(r.seq() - 1, r.time(), r.entry(), r.prevHash());
            lines.set(i, new String(resealed.line(), StandardCharsets.UTF_8).stripTrailing());
        }
        write(day1, lines);
        assertProblem(day1, 2, "prevHash does not match");
    }

    @Test
    void whitespaceAddedToALineIsNotCanonical() throws Exception {
        List<String> lines = lines(day2);
        lines.set(1, lines.get(1).replace("\"seq\":7,", "\"seq\": 7,"));
        write(day2, lines);
        assertProblem(day2, 2, "not in canonical JSON form");
    }

    @Test
    void aLineThatIsNotJsonIsReported() throws Exception {
        List<String> lines = lines(day2);
        lines.add(1, "hello");
        write(day2, lines);
        assertProblem(day2, 2, "not valid JSON");
    }

    @Test
    void aTornLastLineIsReportedNeverAccepted() throws Exception {
        Files.writeString(day2, Files.readString(day2) + "{\"v\":1,\"seq\":9");
        assertProblem(day2, 4, "torn last line: 14 bytes without a trailing newline");
        assertThat(AuditVerifier.verify(dir).records()).isEqualTo(8);
    }

    @Test
    void aLineWithoutNewlineInAnOlderFileIsReported() throws Exception {
        String text = Files.readString(day1);
        Files.writeString(day1, text.substring(0, text.length() - 1));
        assertProblem(day1, 5, "line without a trailing newline, but newer day files follow");
    }

    private void assertProblem(Path file, int line, String reason) throws Exception {
        AuditVerifier.VerificationReport report = AuditVerifier.verify(dir);
        assertThat(report.intact()).isFalse();
        AuditVerifier.Problem problem = report.problem().orElseThrow();
        assertThat(problem.file()).isEqualTo(file);
        assertThat(problem.line()).isEqualTo(line);
        assertThat(problem.reason()).startsWith(reason);
        assertThat(problem.toString()).startsWith(file + ":" + line + ": " + reason);
    }

    private static AuditRecord parse(String line) throws Exception {
        return AuditRecordCodec.parse(line.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> lines(Path file) throws Exception {
        return new ArrayList<>(Files.readAllLines(file));
    }

    private static void write(Path file, List<String> lines) throws Exception {
        Files.writeString(file, String.join("\n", lines) + "\n");
    }
}
