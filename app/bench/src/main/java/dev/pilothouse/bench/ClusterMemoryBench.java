package dev.pilothouse.bench;

import dev.pilothouse.core.kube.ClientTuning;
import dev.pilothouse.core.kube.KubeClusterService;
import dev.pilothouse.core.kube.Kubeconfig;
import dev.pilothouse.core.kube.KubeconfigLoader;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * cluster-memory: 50,000 pods. Heap retained after full GC by the app's data for the rows (the shared watch's rows,
 * the live list and its index, the table's sorted view), per pod, and the process RSS, with the table shown. The
 * baseline is the same process with the window up and the cluster connected (one request made), before the watch
 * starts. The
 * emulator runs in its own JVM, so neither figure includes it. Peer: kubectl's peak RSS for the same list.
 */
final class ClusterMemoryBench {

    static final int PODS = Bench.intEnv("BENCH_MEMORY_PODS", 50_000, 1_000, 500_000);
    static final int NAMESPACES = 50;

    private ClusterMemoryBench() {
    }

    static void run(Bench.Options o) throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start(PODS, NAMESPACES, o.workDir())) {
            Kubeconfig kubeconfig = new KubeconfigLoader(ClientTuning.interactive()).load(List.of(emulator.kubeconfig()));
            String context = kubeconfig.contexts().getFirst().name();
            FxStage.start();
            Map<PodTable.Mode, List<Double>> perPod = new EnumMap<>(PodTable.Mode.class);
            List<Double> rss = new ArrayList<>();
            List<Double> loads = new ArrayList<>();
            double firstLoad = Double.NaN;
            for (PodTable.Mode mode : PodTable.Mode.fromEnvironment()) {
                perPod.put(mode, new ArrayList<>());
                int total = o.warmups() + Math.min(o.runs(), 3);
                for (int i = 0; i < total; i++) {
                    boolean warm = i < o.warmups();
                    boolean histogram = i == total - 1;
                    ClusterLoadBench.settle(emulator);
                    KubeClusterService service = new KubeClusterService(kubeconfig.contexts(), Clock.systemUTC(),
                            (kind, err) -> { });
                    // The connection is part of the baseline (one request made): the delta is the rows and the watch.
                    service.serverVersion(context).get(30, TimeUnit.SECONDS);
                    Map<String, ProcessMemory.ClassBytes> before = histogram ? ProcessMemory.histogram() : Map.of();
                    long baseline = ProcessMemory.heapAfterGc();
                    long start = System.nanoTime();
                    PodTable table = FxStage.onFx(() -> PodTable.open(mode, service, context, PODS));
                    long loaded = table.awaitLoadedFrame(600);
                    awaitWatch(emulator);
                    long retained = ProcessMemory.heapAfterGc() - baseline;
                    long rssKb = ProcessMemory.procStatusKb("VmRSS");
                    double bytesPerPod = (double) retained / PODS;
                    Figures.note("%s %s %d: load %.2f s, retained %.1f MB = %.0f bytes/pod, RSS %.0f MB", mode.id,
                            warm ? "warm-up" : "run", i, Figures.seconds(loaded - start), retained / 1e6, bytesPerPod,
                            rssKb / 1024.0);
                    if (histogram) {
                        Map<String, ProcessMemory.ClassBytes> after = ProcessMemory.histogram();
                        Figures.note("%s: live-heap growth by class (bytes per pod, instances):", mode.id);
                        for (ProcessMemory.ClassBytes c : ProcessMemory.growth(before, after, 14)) {
                            Figures.note("  %8.1f  %9d  %s", (double) c.bytes() / PODS, c.instances(), c.className());
                        }
                    }
                    if (i == 0 && mode == PodTable.Mode.TABLE) {
                        firstLoad = bytesPerPod; // includes what the first table loads once (classes, caches)
                    }
                    if (!warm) {
                        perPod.get(mode).add(bytesPerPod);
                        if (mode == PodTable.Mode.TABLE) {
                            rss.add(rssKb / 1024.0);
                            loads.add(Figures.seconds(loaded - start));
                        }
                    }
                    table.close();
                    service.close();
                }
            }
            Kubectl kubectl = new Kubectl(emulator.kubeconfig(), o.workDir());
            ClusterLoadBench.settle(emulator);
            Kubectl.Run peer = kubectl.getAllPodsJson(true);
            if (perPod.containsKey(PodTable.Mode.TABLE)) {
                Figures.print("retained_bytes_per_pod", Figures.median(perPod.get(PodTable.Mode.TABLE)), "B");
                Figures.print("retained_bytes_per_pod_first_load", firstLoad, "B");
                Figures.print("process_rss_mb", Figures.median(rss), "MB");
                Figures.print("load_50k_seconds", Figures.median(loads), "s");
            }
            if (perPod.containsKey(PodTable.Mode.PODS_VIEW)) {
                Figures.print("pods_view_retained_bytes_per_pod", Figures.median(perPod.get(PodTable.Mode.PODS_VIEW)),
                        "B");
            }
            Figures.print("process_peak_rss_mb", ProcessMemory.procStatusKb("VmHWM") / 1024.0, "MB");
            Figures.print("kubectl_peak_rss_mb", peer.peakRssKb() / 1024.0, "MB");
            Figures.print("kubectl_50k_seconds", Figures.seconds(peer.nanos()), "s");
        }
    }

    /** The watch that follows the list is open (bounded), so its buffers are part of what is measured. */
    private static void awaitWatch(EmulatorProcess emulator) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (emulator.openWatches() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(2_000);
    }
}
