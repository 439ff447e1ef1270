package dev.pilothouse.bench;

import dev.pilothouse.demo.EmulatedCluster;
import dev.pilothouse.demo.LoadGenerator;
import io.fabric8.kubernetes.api.model.Pod;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulated API server in its own JVM, so that the app's heap, RSS and GC are the app's alone. Started by
 * {@link EmulatorProcess}; seeds {@code pods} synthetic pods, writes a kubeconfig, prints {@code READY url} and then
 * answers one command per stdin line. It exits on {@code quit} or when stdin closes (the driver died).
 *
 * <p>Commands: {@code watches} (open watch connections), {@code churn SECONDS BASE_NANOS CONCURRENCY} (closed-loop
 * status patches, each stamping {@code restartCount} with the microseconds since the driver's {@code BASE_NANOS}
 * on the shared monotonic clock, plus {@link #STAMP_OFFSET}).
 */
public final class EmulatorServer {

    /** Added to every churn stamp, so stamps never collide with synthetic restart counts (0 or 1). */
    static final int STAMP_OFFSET = 1_000_000;

    private final EmulatedCluster cluster;
    private final List<String> podPaths = new ArrayList<>();
    private final String token;

    private EmulatorServer(EmulatedCluster cluster, List<Pod> pods) {
        this.cluster = cluster;
        this.token = cluster.userToken();
        for (Pod p : pods) {
            podPaths.add("/api/v1/namespaces/" + p.getMetadata().getNamespace() + "/pods/" + p.getMetadata().getName()
                    + "/status");
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: EmulatorServer PODS NAMESPACES KUBECONFIG_FILE");
            System.exit(2);
        }
        int pods = Integer.parseInt(args[0]);
        int namespaces = Integer.parseInt(args[1]);
        Path kubeconfig = Path.of(args[2]);
        EmulatedCluster cluster = EmulatedCluster.start("bench", 0);
        List<Pod> seeded = LoadGenerator.syntheticPods(pods, namespaces);
        long t0 = System.nanoTime();
        cluster.seed(LoadGenerator.namespaces(namespaces));
        cluster.seed(seeded);
        System.err.printf("[emulator] seeded %d pods in %d namespaces in %.2f s at %s%n", pods, namespaces,
                (System.nanoTime() - t0) / 1e9, cluster.url());
        Files.writeString(kubeconfig, cluster.kubeconfigYaml());
        EmulatorServer server = new EmulatorServer(cluster, seeded);
        System.out.println("READY " + cluster.url());
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] cmd = line.strip().split("\\s+");
                switch (cmd[0]) {
                    case "watches" -> reply("WATCHES " + cluster.openWatches());
                    case "churn" -> reply(server.churn(Integer.parseInt(cmd[1]), Long.parseLong(cmd[2]),
                            Integer.parseInt(cmd[3])));
                    case "quit" -> {
                        cluster.close();
                        System.exit(0);
                    }
                    default -> reply("ERROR unknown command " + line);
                }
            }
        }
        cluster.close();
        System.exit(0);
    }

    private static void reply(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /**
     * Patches pod status as fast as the emulator accepts with {@code concurrency} closed-loop clients for
     * {@code seconds}. Answers {@code CHURN accepted elapsedNanos errors lastStamp}.
     */
    private String churn(int seconds, long baseNanos, int concurrency) throws InterruptedException {
        if (seconds < 1 || seconds > 600 || concurrency < 1 || concurrency > 256) {
            return "ERROR churn needs 1..600 s and 1..256 clients";
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong accepted = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastStamp = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(concurrency);
        URI base = cluster.url();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            Thread.ofPlatform().daemon(true).name("churn-" + w).start(() -> {
                try {
                    int i = worker;
                    while (System.nanoTime() < deadline) {
                        String path = podPaths.get(i % podPaths.size());
                        i += concurrency;
                        long stamp = STAMP_OFFSET + (System.nanoTime() - baseNanos) / 1_000;
                        String body = "[{\"op\":\"replace\",\"path\":\"/status/containerStatuses/0/restartCount\","
                                + "\"value\":" + stamp + "}]";
                        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                                .timeout(Duration.ofSeconds(10))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json-patch+json")
                                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                                .build();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200) {
                                accepted.incrementAndGet();
                                lastStamp.accumulateAndGet(stamp, Math::max);
                            } else {
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, response.statusCode() + " " + response.body());
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e.toString());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        if (!done.await(seconds + 30L, TimeUnit.SECONDS)) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, "churn clients did not finish in time");
        }
        long elapsed = System.nanoTime() - start;
        http.close();
        if (firstError.get() != null) {
            System.err.println("[emulator] churn errors: " + errors.get() + ", first: " + firstError.get());
        }
        return "CHURN " + accepted.get() + " " + elapsed + " " + errors.get() + " " + lastStamp.get();
    }
}
