package dev.pilothouse.core.audit;

import dev.pilothouse.core.audit.AuditFixtures.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.pilothouse.core.audit.AuditFixtures.scale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditLogTest {

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock("2026-11-23T09:15:02.123456Z");

    @Test
    void writesOneCanonicalLinePerRecordChainedFromTheGenesisValue() throws Exception {
        try (AuditLog log = AuditLog.open(dir, clock)) {
            log.append(scale("llama-7b", 3));
            log.append(scale("llama-7b", 4));
        }
        Path file = dir.resolve("audit-2026-11-23.jsonl");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).isEqualTo("{\"v\":1,\"seq\":1,\"time\":\"2026-11-23T09:15:02.123Z\","
                + "\"localUser\":\"ana\",\"kubeIdentity\":\"ana@example.com\",\"context\":\"prod-eu\","
                + "\"action\":\"deployment.scale\",\"target\":{\"kind\":\"deployments.apps\",\"namespace\":"
                + "\"ml-serving\",\"name\":\"llama-7b\"},\"parameters\":{\"replicas\":\"3\"},\"requests\":[{\"method\":"
                + "\"PATCH\",\"path\":\"/apis/apps/v1/namespaces/ml-serving/deployments/llama-7b/scale\","
                + "\"contentType\":\"application/merge-patch+json\",\"body\":\"{\\\"spec\\\":{\\\"replicas\\\":3}}\"}],"
                + "\"dryRun\":false,\"confirmedBy\":\"ana (typed name)\",\"outcome\":{\"status\":\"succeeded\","
                + "\"message\":\"scaled to 3\"},\"resourceVersionBefore\":\"100\",\"resourceVersionAfter\":\"101\","
                + "\"prevHash\":\"" + AuditChain.GENESIS + "\",\"hash\":\""
                + hashOfLineWithoutHashMember(lines.getFirst()) + "\"}");
        assertThat(lines.get(1)).contains("\"prevHash\":\"" + AuditChain.sha256(lines.getFirst() + "\n") + "\"");
        assertThat(Files.readString(file)).endsWith("}\n");
    }

    @Test
    void theChainContinuesAcrossDaysAndAcrossReopening() throws Exception {
        clock.set("2026-11-23T23:59:59.900Z");
        try (AuditLog log = AuditLog.open(dir, clock)) {
            log.append(scale("a", 1));
            clock.advance(Duration.ofMillis(200));
            log.append(scale("b", 2));
        }
        clock.advance(Duration.ofDays(1));
        AuditRecord third;
        try (AuditLog log = AuditLog.open(dir, clock)) {
            assertThat(log.nextSeq()).isEqualTo(3);
            third = log.append(scale("c", 3));
        }
        assertThat(AuditFiles.dayFiles(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("audit-2026-11-23.jsonl", "audit-2026-11-24.jsonl", "audit-2026-11-25.jsonl");
        String secondLine = Files.readString(dir.resolve("audit-2026-11-24.jsonl"));
        assertThat(third.prevHash()).isEqualTo(AuditChain.sha256(secondLine));
        AuditVerifier.VerificationReport report = AuditVerifier.verify(dir);
        assertThat(report.problem()).isEmpty();
        assertThat(report.files()).isEqualTo(3);
        assertThat(report.records()).isEqualTo(3);
        assertThat(report.lastHash()).isEqualTo(AuditChain.sha256(Files.readString(dir.resolve("audit-2026-11-25.jsonl"))));
        assertThat(report.summary()).isEqualTo("audit log intact: 3 files, 3 records, last hash " + report.lastHash());
    }

    @Test
    void aClockThatStepsBackNeverWritesIntoAnOlderDayFile() throws Exception {
        try (AuditLog log = AuditLog.open(dir, clock)) {
            log.append(scale("a", 1));
            clock.advance(Duration.ofDays(-1));
            log.append(scale("b", 2));
        }
        assertThat(AuditFiles.dayFiles(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("audit-2026-11-23.jsonl");
        assertThat(AuditVerifier.verify(dir).problem()).isEmpty();
    }

    @Test
    void aSecondWriterOnTheSameDirectoryIsRefused() throws Exception {
        try (AuditLog first = AuditLog.open(dir, clock)) {
            assertThatThrownBy(() -> AuditLog.open(dir, clock))
                    .isInstanceOf(AuditLogException.Locked.class)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("only one writer per directory");
            first.append(scale("a", 1));
        }
        try (AuditLog again = AuditLog.open(dir, clock)) {
            assertThat(again.nextSeq()).isEqualTo(2);
        }
    }

    @Test
    void aTornTailIsReportedThenMovedAsideByteForByteAndRecordedInTheChain() throws Exception {
        try (AuditLog log = AuditLog.open(dir, clock)) {
            log.append(scale("a", 1));
            log.append(scale("b", 2));
        }
        Path file = dir.resolve("audit-2026-11-23.jsonl");
        long goodSize = Files.size(file);
        byte[] torn = "{\"v\":1,\"seq\":3,\"time\":\"2026-11-2".getBytes(StandardCharsets.UTF_8);
        Files.write(file, torn, StandardOpenOption.APPEND);

        AuditVerifier.VerificationReport before = AuditVerifier.verify(dir);
        assertThat(before.problem()).isPresent();
        assertThat(before.problem().get().toString()).startsWith(file + ":3: torn last line: " + torn.length
                + " bytes without a trailing newline");
        assertThat(before.records()).isEqualTo(2);

        try (AuditLog log = AuditLog.open(dir, clock)) {
            assertThat(log.recoveredTornTails()).singleElement().satisfies(t -> {
                assertThat(t.offset()).isEqualTo(goodSize);
                assertThat(t.length()).isEqualTo(torn.length);
            });
            log.append(scale("c", 3));
        }
        Path kept = dir.resolve("audit-2026-11-23.jsonl." + goodSize + ".torn");
        assertThat(Files.readAllBytes(kept)).isEqualTo(torn);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).contains("\"action\":\"pilothouse.audit.torn-tail\"")
                .contains("\"keptIn\":\"" + kept.getFileName() + "\"")
                .contains("\"sha256\":\"" + AuditChain.sha256(torn) + "\"");
        AuditVerifier.VerificationReport after = AuditVerifier.verify(dir);
        assertThat(after.problem()).isEmpty();
        assertThat(after.records()).isEqualTo(4);
        assertThat(after.tornTails()).singleElement().satisfies(n -> {
            assertThat(n.line()).isEqualTo(3);
            assertThat(n.detail()).endsWith("are kept in " + kept.getFileName() + ".");
        });

        // The kept bytes are outside the chain; verify still says when they changed.
        Files.writeString(kept, "something else");
        assertThat(AuditVerifier.verify(dir).tornTails().getFirst().detail())
                .endsWith("(the kept file no longer matches its recorded sha256)");
    }

    @Test
    void aNewDayFileHoldingOnlyATornLineContinuesFromTheDayBefore() throws Exception {
        try (AuditLog log = AuditLog.open(dir, clock)) {
            log.append(scale("a", 1));
        }
        Files.writeString(dir.resolve("audit-2026-11-24.jsonl"), "{\"v\":1,\"se");
        clock.advance(Duration.ofDays(1));
        try (AuditLog log = AuditLog.open(dir, clock)) {
            assertThat(log.nextSeq()).isEqualTo(3);
        }
        assertThat(Files.size(dir.resolve("audit-2026-11-24.jsonl"))).isPositive();
        assertThat(dir.resolve("audit-2026-11-24.jsonl.0.torn")).hasContent("{\"v\":1,\"se");
        assertThat(AuditVerifier.verify(dir).problem()).isEmpty();
    }

    @Test
    void aCutWhoseRecordWasNeverWrittenIsRecordedAtTheNextOpen() throws Exception {
        try (AuditLog log = AuditLog.open(dir, clock)) {
            log.append(scale("a", 1));
        }
        // As if the writer died after moving the tail aside and cutting the file, before its record.
        Path file = dir.resolve("audit-2026-11-23.jsonl");
        Files.writeString(dir.resolve("audit-2026-11-23.jsonl." + Files.size(file) + ".torn"), "{\"v\"");
        try (AuditLog log = AuditLog.open(dir, clock)) {
            assertThat(log.recoveredTornTails()).hasSize(1);
        }
        try (AuditLog log = AuditLog.open(dir, clock)) {
            assertThat(log.recoveredTornTails()).as("recorded once, not at every open").isEmpty();
            assertThat(log.nextSeq()).isEqualTo(3);
        }
        assertThat(AuditVerifier.verify(dir).problem()).isEmpty();
    }

    @Test
    void aMoveInterruptedBeforeItsCutIsRedoneWithOneRecord() throws Exception {
        try (AuditLog log = AuditLog.open(dir, clock)) {
            log.append(scale("a", 1));
        }
        Path file = dir.resolve("audit-2026-11-23.jsonl");
        long offset = Files.size(file);
        Files.writeString(file, "{\"v\":1", StandardOpenOption.APPEND);
        // As if the writer died after copying the tail aside, before cutting the day file.
        Files.writeString(dir.resolve("audit-2026-11-23.jsonl." + offset + ".torn"), "{\"v\":1");
        try (AuditLog log = AuditLog.open(dir, clock)) {
            assertThat(log.recoveredTornTails()).hasSize(1);
            assertThat(log.nextSeq()).isEqualTo(3);
        }
        assertThat(AuditVerifier.verify(dir).problem()).isEmpty();
    }

    @Test
    void aSecondTearAtTheOffsetOfAnUnrecordedOneKeepsBothAndRecordsBoth() throws Exception {
        try (AuditLog log = AuditLog.open(dir, clock)) {
            log.append(scale("a", 1));
        }
        Path file = dir.resolve("audit-2026-11-23.jsonl");
        long offset = Files.size(file);
        // A tail cut at this offset whose record never made it, and then new torn bytes at the same place.
        Files.writeString(dir.resolve("audit-2026-11-23.jsonl." + offset + ".torn"), "first");
        Files.writeString(file, "second", StandardOpenOption.APPEND);
        try (AuditLog log = AuditLog.open(dir, clock)) {
            assertThat(log.recoveredTornTails()).extracting(t -> t.keptIn().getFileName().toString())
                    .containsExactly("audit-2026-11-23.jsonl." + offset + ".torn",
                            "audit-2026-11-23.jsonl." + offset + ".2.torn");
        }
        assertThat(dir.resolve("audit-2026-11-23.jsonl." + offset + ".torn")).hasContent("first");
        assertThat(dir.resolve("audit-2026-11-23.jsonl." + offset + ".2.torn")).hasContent("second");
        AuditVerifier.VerificationReport report = AuditVerifier.verify(dir);
        assertThat(report.problem()).isEmpty();
        assertThat(report.tornTails()).hasSize(2);
    }

    @Test
    void anInvalidLastCompleteLineRefusesToOpenNamingFileAndLine() throws Exception {
        try (AuditLog log = AuditLog.open(dir, clock)) {
            log.append(scale("a", 1));
        }
        Path file = dir.resolve("audit-2026-11-23.jsonl");
        Files.writeString(file, "not json\n", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> AuditLog.open(dir, clock))
                .isInstanceOf(AuditLogException.class)
                .hasMessageStartingWith(file + ":2: not valid JSON");
        // The refused open released its lock.
        Files.writeString(file, Files.readString(file).replace("not json\n", ""));
        AuditLog.open(dir, clock).close();
    }

    @Test
    void textIsWrittenAsPythonsJsonDumpsWouldAndReadBackUnchanged() throws Exception {
        AuditEntry tricky = new AuditEntry("zoë", "", "ctx", "a",
                new AuditTarget("K", "", "n"),
                Map.of("b", "tab\there \"quoted\" back\\slash", "a", "ctrl\u0001 é 😀 </script>", "😀", "emoji key",
                        "\uFFFF", "bmp max"),
                List.of(), true, "", AuditOutcome.refused("line1\nline2"), Optional.empty(), Optional.empty());
        AuditRecord written;
        try (AuditLog log = AuditLog.open(dir, clock)) {
            written = log.append(tricky);
        }
        String line = Files.readString(dir.resolve("audit-2026-11-23.jsonl"));
        assertThat(line).contains("\"localUser\":\"zoë\"")
                .contains("\"parameters\":{\"a\":\"ctrl\\u0001 é 😀 </script>\",\"b\":\"tab\\there \\\"quoted\\\""
                        + " back\\\\slash\",\"\uFFFF\":\"bmp max\",\"😀\":\"emoji key\"}")
                .contains("\"message\":\"line1\\nline2\"")
                .contains("\"dryRun\":true")
                .contains("\"resourceVersionBefore\":null");
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        AuditRecord read = AuditRecordCodec.parse(java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertThat(read).isEqualTo(written);
    }

    private static String hashOfLineWithoutHashMember(String line) {
        return AuditChain.sha256(line.substring(0, line.indexOf(",\"hash\":\"")) + "}");
    }
}
