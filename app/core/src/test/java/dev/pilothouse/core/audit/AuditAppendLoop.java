package dev.pilothouse.core.audit;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * The child process of {@link AuditCrashTest}: boots, says {@code ready}, waits for {@code go} on stdin (so the JVM
 * start is not part of the time the test kills at random), then appends records as fast as it can and prints each
 * acknowledged sequence number only after {@link AuditLog#append} returned. It never ends by itself: the test kills it.
 */
public final class AuditAppendLoop {

    private AuditAppendLoop() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        // Warm up the classes the loop uses, so the first append after 'go' is not a class-loading pause.
        byte[] warm = AuditRecordCodec.seal(1, Instant.EPOCH, AuditFixtures.scale("warm", 1), AuditChain.GENESIS).line();
        AuditRecordCodec.parse(Arrays.copyOf(warm, warm.length - 1));
        out.println("ready");
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String command = in.readLine();
        if (!"go".equals(command)) {
            return;
        }
        try (AuditLog log = AuditLog.open(Path.of(args[0]))) {
            out.println("opened " + log.nextSeq());
            out.flush();
            for (int i = 0; ; i++) {
                AuditRecord record = log.append(AuditFixtures.scale("llama-" + i, i % 7));
                out.println("ack " + record.seq());
                out.flush();
            }
        }
    }

}
