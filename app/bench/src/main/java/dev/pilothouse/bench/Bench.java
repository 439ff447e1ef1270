package dev.pilothouse.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Entry point of {@code app/bench/run NAME}: runs one benchmark and prints one {@code name value unit} line per
 * figure on stdout; progress and diagnostics go to stderr. Settings come from the environment:
 * {@code BENCH_RUNS} (measured runs, default 5), {@code BENCH_WARMUPS} (default 1), {@code BENCH_WORK} (scratch
 * directory), {@code BENCH_CHURN_SECONDS} (default 60), {@code BENCH_FEED_RATE} (default 20000),
 * {@code BENCH_VIEWS} (default {@code table,pods-view}), {@code BENCH_TIMEOUT_SECONDS} (default 2400).
 */
public final class Bench {

    private Bench() {
    }

    /** Settings shared by every benchmark. */
    record Options(int runs, int warmups, Path workDir) {
        static Options fromEnvironment() throws java.io.IOException {
            Path work = Path.of(System.getenv().getOrDefault("BENCH_WORK",
                    System.getProperty("java.io.tmpdir") + "/pilothouse-bench"));
            Files.createDirectories(work);
            return new Options(intEnv("BENCH_RUNS", 5, 1, 50), intEnv("BENCH_WARMUPS", 1, 0, 10), work);
        }
    }

    static int intEnv(String name, int fallback, int min, int max) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        int parsed = Integer.parseInt(v.strip());
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + parsed);
        }
        return parsed;
    }

    /** Bounds the whole run: on expiry, dumps every thread's stack to stderr and exits with status 3. */
    private static void startWatchdog(int seconds) {
        Thread.ofPlatform().daemon(true).name("bench-watchdog").start(() -> {
            try {
                Thread.sleep(seconds * 1_000L);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("[bench] timed out after " + seconds + " s; threads:");
            Thread.getAllStackTraces().forEach((t, stack) -> {
                System.err.println("\"" + t.getName() + "\" " + t.getState());
                for (StackTraceElement e : stack) {
                    System.err.println("    at " + e);
                }
            });
            System.err.flush();
            Runtime.getRuntime().halt(3);
        });
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: app/bench/run NAME   (cluster-load, cluster-memory, cluster-churn, seed, "
                    + "chart-render, alerts-triage, dag-render)");
            System.exit(2);
        }
        Options options = Options.fromEnvironment();
        startWatchdog(intEnv("BENCH_TIMEOUT_SECONDS", 2_400, 60, 86_400));
        Figures.note("machine: %d cpus, java %s, max heap %d MB", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        switch (args[0].toLowerCase(Locale.ROOT)) {
            case "cluster-load" -> ClusterLoadBench.run(options);
            case "cluster-memory" -> ClusterMemoryBench.run(options);
            case "cluster-churn" -> ClusterChurnBench.run(options);
            case "seed" -> SeedBench.run(options);
            case "chart-render" -> ChartRenderBench.run(options);
            case "alerts-triage" -> AlertsTriageBench.run(options);
            case "dag-render" -> DagRenderBench.run(options);
            default -> {
                System.err.println("unknown benchmark '" + args[0]
                        + "'; known: cluster-load, cluster-memory, cluster-churn, seed, chart-render, alerts-triage, "
                        + "dag-render");
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
