package dev.pilothouse.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts {@link EmulatorServer} in a child JVM (same java, same class path) on 127.0.0.1 and talks to it over its
 * stdin/stdout. The child is destroyed when this process exits. It runs at the same priority as the app unless
 * {@code BENCH_EMULATOR_NICE} (1..19) asks for {@code nice}. {@code BENCH_EMULATOR_JVM_OPTS} adds JVM options (a JFR recording, say).
 */
final class EmulatorProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final Path kubeconfig;
    private final String url;

    private EmulatorProcess(Process process, Path kubeconfig) throws IOException {
        this.process = process;
        this.kubeconfig = kubeconfig;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String ready = readLine(300);
        for (int skipped = 0; !ready.startsWith("READY ") && skipped < 100; skipped++) {
            System.err.println("[emulator] " + ready); // JVM chatter (a JFR recording's start, say)
            ready = readLine(300);
        }
        if (!ready.startsWith("READY ")) {
            throw new IllegalStateException("emulator did not start: " + ready);
        }
        this.url = ready.substring("READY ".length());
    }

    static EmulatorProcess start(int pods, int namespaces, Path workDir) throws IOException {
        Path kubeconfig = workDir.resolve("kubeconfig-" + pods + ".yaml");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        int nice = Bench.intEnv("BENCH_EMULATOR_NICE", 0, 0, 19);
        if (nice > 0) {
            // Optional: the emulator stands in for a remote API server; a lower priority lets the app under test
            // have the CPU first (it then accepts fewer updates per second).
            cmd.addAll(List.of("nice", "-n", Integer.toString(nice)));
        }
        cmd.addAll(List.of(java, "-Xmx4g", "-Xss2m",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Djava.util.logging.config.class=dev.pilothouse.desktop.LoggingDefaults"));
        String extra = System.getenv().getOrDefault("BENCH_EMULATOR_JVM_OPTS", "").strip();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), EmulatorServer.class.getName(),
                Integer.toString(pods), Integer.toString(namespaces), kubeconfig.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        try {
            return new EmulatorProcess(p, kubeconfig);
        } catch (RuntimeException | IOException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    /** Sends one command and returns its one-line answer. */
    synchronized String command(String line, int timeoutSeconds) {
        in.println(line);
        String answer = readLine(timeoutSeconds);
        if (answer.startsWith("ERROR")) {
            throw new IllegalStateException("emulator: " + answer);
        }
        return answer;
    }

    int openWatches() {
        return Integer.parseInt(command("watches", 10).substring("WATCHES ".length()).strip());
    }

    private String readLine(int timeoutSeconds) {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String s = line.get(timeoutSeconds, TimeUnit.SECONDS);
            if (s == null) {
                throw new IllegalStateException("emulator process ended (exit " + exitCode() + ")");
            }
            return s;
        } catch (TimeoutException e) {
            throw new IllegalStateException("emulator did not answer within " + timeoutSeconds + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("emulator output failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public void close() {
        try {
            in.println("quit");
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
