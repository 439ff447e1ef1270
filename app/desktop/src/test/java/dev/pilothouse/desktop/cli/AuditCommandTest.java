package dev.pilothouse.desktop.cli;

import dev.pilothouse.core.audit.AuditEntry;
import dev.pilothouse.core.audit.AuditLog;
import dev.pilothouse.core.audit.AuditOutcome;
import dev.pilothouse.core.audit.AuditTarget;
import dev.pilothouse.core.audit.SentRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void verifyExitsZeroWithAOneLineSummaryWhenIntact() throws Exception {
        write("2026-11-22T12:00:00Z", 2);
        write("2026-11-23T12:00:00Z", 1);
        int status = run("verify", dir.toString());
        assertThat(status).isZero();
        assertThat(stdout()).matches("audit log intact: 2 files, 3 records, last hash [0-9a-f]{64}\n");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void verifyUsesTheDefaultDirectoryWithoutAnArgument() throws Exception {
        write("2026-11-23T12:00:00Z", 1);
        assertThat(run("verify")).isZero();
        assertThat(stdout()).startsWith("audit log intact: 1 file, 1 record,");
    }

    @Test
    void verifyExitsOneNamingTheFirstBrokenRecord() throws Exception {
        write("2026-11-23T12:00:00Z", 3);
        Path file = dir.resolve("audit-2026-11-23.jsonl");
        Files.writeString(file, Files.readString(file).replace("\"replicas\":\"2\"", "\"replicas\":\"20\""));
        assertThat(run("verify", dir.toString())).isEqualTo(1);
        assertThat(stderr()).startsWith("pilothouse: " + file + ":2: hash does not match the record's content");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("verify", "a", "b")).isEqualTo(2);
        assertThat(run("export", "--since", "yesterday")).isEqualTo(2);
        assertThat(stderr().lines()).hasSize(4).allMatch(l -> l.startsWith("pilothouse: "));
    }

    @Test
    void exportCopiesTheLinesByteForByteFromTheDayGiven() throws Exception {
        write("2026-11-22T12:00:00Z", 2);
        write("2026-11-23T12:00:00Z", 1);
        assertThat(run("export", dir.toString(), "--since", "2026-11-23")).isZero();
        assertThat(stdout()).isEqualTo(Files.readString(dir.resolve("audit-2026-11-23.jsonl")));
        out.reset();
        assertThat(run("export", dir.toString())).isZero();
        assertThat(stdout().lines()).hasSize(3);
    }

    private void write(String time, int records) throws Exception {
        try (AuditLog log = AuditLog.open(dir, Clock.fixed(Instant.parse(time), ZoneOffset.UTC))) {
            for (int i = 1; i <= records; i++) {
                log.append(new AuditEntry("ana", "", "demo-prod", "deployment.scale",
                        new AuditTarget("deployments.apps", "ml-serving", "llama-7b"), Map.of("replicas", "" + i),
                        List.of(new SentRequest("PATCH", "/x", "application/merge-patch+json", "{}")), false, "",
                        AuditOutcome.succeeded(""), Optional.empty(), Optional.empty()));
            }
        }
    }

    private int run(String... args) {
        return new AuditCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir).run(List.of(args));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
