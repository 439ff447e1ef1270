package dev.pilothouse.core.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Kills a writing process with SIGKILL at random points, many times over one directory: no acknowledged record may
 * be lost and the chain must verify (a torn last line is accepted only as the documented torn tail, which the next
 * writer moves aside and records). Iterations: {@code -Dpilothouse.audit.crashIterations=N} (200 by default); the
 * random seed is printed and can be replayed with {@code -Dpilothouse.audit.crashSeed=S}.
 */
class AuditCrashTest {

    private static final long TIMEOUT_SECONDS = 30;

    @Test
    void sigkillWhileAppendingLosesNoAcknowledgedRecordAndTheChainVerifies(@TempDir Path dir) throws Exception {
        int iterations = Integer.getInteger("pilothouse.audit.crashIterations", 200);
        long seed = Long.getLong("pilothouse.audit.crashSeed", System.nanoTime());
        Random random = new Random(seed);
        long started = System.nanoTime();
        long maxAcked = 0;
        int tornTails = 0;
        int injectedTornTails = 0;
        int killedBeforeFirstAck = 0;
        // The next child boots while the current one runs, so JVM start-up does not add to every iteration.
        Child next = Child.start(dir);
        for (int i = 0; i < iterations; i++) {
            Child current = next;
            current.awaitLine("ready");
            next = i + 1 < iterations ? Child.start(dir) : null;
            current.go();
            // A random point: sometimes during open (chain continuation, torn-tail recovery), mostly mid-append.
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(100_000)));
            List<Long> acks = current.kill();
            if (acks.isEmpty()) {
                killedBeforeFirstAck++;
            } else {
                maxAcked = Math.max(maxAcked, acks.getLast());
            }
            AuditVerifier.VerificationReport report = AuditVerifier.verify(dir);
            if (!report.intact()) {
                AuditVerifier.Problem problem = report.problem().orElseThrow();
                assertThat(problem.reason()).as("iteration %d, seed %d", i, seed).startsWith("torn last line");
                assertThat(problem.file()).isEqualTo(AuditFiles.dayFiles(dir).getLast());
                tornTails++;
            }
            assertThat(report.records()).as("every acknowledged record is in the verified chain (iteration %d,"
                    + " seed %d)", i, seed).isGreaterThanOrEqualTo(maxAcked);
            // SIGKILL cannot tear a single write(2) of a small line, but power loss can: now and then leave the
            // start of a line at the end, so that the next writers recover it, and get killed while they do.
            if (random.nextInt(4) == 0) {
                injectedTornTails += tearTheEnd(dir, random);
            }
        }
        // The next writer repairs whatever the last kill left, and then everything verifies.
        try (AuditLog log = AuditLog.open(dir)) {
            assertThat(log.nextSeq()).isGreaterThan(maxAcked);
        }
        AuditVerifier.VerificationReport end = AuditVerifier.verify(dir);
        assertThat(end.problem()).isEmpty();
        assertThat(end.records()).isGreaterThanOrEqualTo(maxAcked);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.printf("AuditCrashTest: %d kills in %d s (seed %d): %d records acknowledged, %d in the log,"
                        + " %d torn tails injected, %d torn tails seen after kills, %d kills before the first ack%n",
                iterations, seconds, seed, maxAcked, end.records(), injectedTornTails, tornTails,
                killedBeforeFirstAck);
        assertThat(end.tornTails()).as("every injected torn tail was moved aside and recorded")
                .hasSizeGreaterThanOrEqualTo(Math.min(1, injectedTornTails));
        assertThat(maxAcked).as("the kills happened while appending").isGreaterThan(0);
    }

    /** Appends the first bytes of a record line, without its newline, to the newest day file; returns 1 if it did. */
    private static int tearTheEnd(Path dir, Random random) throws IOException {
        List<Path> files = AuditFiles.dayFiles(dir);
        if (files.isEmpty()) {
            return 0;
        }
        String start = "{\"v\":1,\"seq\":999999,\"time\":\"2026-11-23T00:00:00.000Z\",\"localUser\":\"ana\"";
        Files.writeString(files.getLast(), start.substring(0, 1 + random.nextInt(start.length() - 1)),
                StandardOpenOption.APPEND);
        return 1;
    }

    @Test
    void aSecondWriterProcessIsRefusedWhileTheFirstHoldsTheLog(@TempDir Path dir) throws Exception {
        Child writer = Child.start(dir);
        try {
            writer.awaitLine("ready");
            writer.go();
            writer.awaitLine("ack ");
            assertThatThrownBy(() -> AuditLog.open(dir))
                    .isInstanceOf(AuditLogException.Locked.class)
                    .hasMessageContaining("already open for writing by another Pilothouse process");
        } finally {
            writer.kill();
        }
        // The kernel drops the lock with the process: the directory can be written again.
        try (AuditLog log = AuditLog.open(dir)) {
            assertThat(log.nextSeq()).isGreaterThan(1);
        }
    }

    /** One child JVM running {@link AuditAppendLoop}, its stdout read line by line by a thread. */
    private static final class Child {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<Long> acks = new CopyOnWriteArrayList<>();
        private final Thread reader;
        private final Path stderr;

        private Child(Process process, Path stderr) {
            this.process = process;
            this.stderr = stderr;
            this.reader = Thread.ofVirtual().start(this::readAll);
        }

        static Child start(Path dir) throws IOException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Path stderr = Files.createTempFile("audit-child", ".err");
            ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx64m", "-cp", childClassPath(),
                    AuditAppendLoop.class.getName(), dir.toString())
                    .redirectError(stderr.toFile());
            return new Child(builder.start(), stderr);
        }

        /** Only what the loop needs (our classes and Jackson): a shorter class path starts the JVM faster. */
        private static String childClassPath() {
            return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(entry -> entry.endsWith("classes") || entry.contains("jackson"))
                    .collect(Collectors.joining(File.pathSeparator));
        }

        private void readAll() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("ack ")) {
                        acks.add(Long.parseLong(line.substring(4)));
                    }
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("read failed: " + e);
            }
        }

        void awaitLine(String prefix) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return;
                }
                if (line == null || !process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
            process.destroyForcibly();
            fail("child did not print '" + prefix + "' in time; stderr: " + Files.readString(stderr));
        }

        void go() throws IOException {
            OutputStream in = process.getOutputStream();
            in.write("go\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        /** SIGKILL, then every sequence number the child printed before it died. */
        List<Long> kill() throws Exception {
            boolean diedEarly = !process.isAlive();
            process.destroyForcibly();
            assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            String errors = Files.readString(stderr);
            Files.deleteIfExists(stderr);
            if (diedEarly) {
                fail("child exited by itself with " + process.exitValue() + ": " + errors);
            }
            return List.copyOf(acks);
        }
    }
}
