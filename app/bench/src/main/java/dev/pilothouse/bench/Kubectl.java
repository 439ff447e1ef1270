package dev.pilothouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The peer: the machine's kubectl against the same emulated API server, timed from process start to exit. */
final class Kubectl {

    static final String BINARY = System.getenv().getOrDefault("BENCH_KUBECTL", "/usr/bin/kubectl");

    private final Path kubeconfig;
    private final Path cacheDir;

    Kubectl(Path kubeconfig, Path workDir) {
        this.kubeconfig = kubeconfig;
        this.cacheDir = workDir.resolve("kube-cache");
    }

    /** Result of one run. */
    record Run(long nanos, int exitCode, long peakRssKb) {
    }

    /**
     * Runs kubectl with the given arguments, stdout to {@code output} (null: /dev/null), bounded by
     * {@code timeoutSeconds}. Peak RSS is measured with /usr/bin/time when {@code measureRss}.
     */
    Run run(List<String> args, Path output, int timeoutSeconds, boolean measureRss) throws IOException,
            InterruptedException {
        List<String> cmd = new ArrayList<>();
        Path rssFile = null;
        if (measureRss) {
            rssFile = Files.createTempFile("kubectl-rss", ".txt");
            cmd.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", rssFile.toString()));
        }
        cmd.addAll(List.of(BINARY, "--kubeconfig", kubeconfig.toString(), "--cache-dir", cacheDir.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()));
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("kubectl " + args + " did not finish within " + timeoutSeconds + " s");
        }
        long nanos = System.nanoTime() - t0;
        long rss = -1;
        if (rssFile != null) {
            String text = Files.readString(rssFile).strip();
            Files.deleteIfExists(rssFile);
            String[] lines = text.split("\n");
            rss = Long.parseLong(lines[lines.length - 1].strip());
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("kubectl " + args + " exited with " + p.exitValue());
        }
        return new Run(nanos, p.exitValue(), rss);
    }

    /** {@code kubectl get pods -A -o json > /dev/null}. */
    Run getAllPodsJson(boolean measureRss) throws IOException, InterruptedException {
        return run(List.of("get", "pods", "-A", "-o", "json"), null, 300, measureRss);
    }

    /** Runs {@code get pods -A -o json} into a file and counts the pods in it (a sanity check, not timed). */
    int countAllPods(Path workDir) throws IOException, InterruptedException {
        Path out = workDir.resolve("kubectl-pods.json");
        run(List.of("get", "pods", "-A", "-o", "json"), out, 300, false);
        int count = 0;
        try (var lines = Files.lines(out)) {
            count = (int) lines.filter(l -> l.strip().equals("\"kind\": \"Pod\",")).count();
        }
        Files.deleteIfExists(out);
        return count;
    }
}
