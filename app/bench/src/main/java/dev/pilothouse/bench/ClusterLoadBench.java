package dev.pilothouse.bench;

import dev.pilothouse.core.kube.ClientTuning;
import dev.pilothouse.core.kube.KubeClusterService;
import dev.pilothouse.core.kube.Kubeconfig;
import dev.pilothouse.core.kube.KubeconfigLoader;
import dev.pilothouse.sdk.cluster.Subscription;
import dev.pilothouse.sdk.cluster.WatchScope;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * cluster-load: 10,000 pods in 50 namespaces. The app's time from connect (a new cluster service and a new pod
 * table) until every row is in the table model and a frame has been painted, against
 * {@code kubectl get pods -A -o json > /dev/null} on the same server, interleaved run by run. Also measured, for
 * information: the real Pods view instead of the bare table, and kubectl with {@code --chunk-size=0} (one request,
 * so no client-side throttling between pages), and the first (cold) load of the fresh JVM.
 */
final class ClusterLoadBench {

    static final int PODS = 10_000;
    static final int NAMESPACES = 50;

    private ClusterLoadBench() {
    }

    static void run(Bench.Options o) throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start(PODS, NAMESPACES, o.workDir())) {
            Kubeconfig kubeconfig = new KubeconfigLoader(ClientTuning.interactive()).load(List.of(emulator.kubeconfig()));
            Kubectl kubectl = new Kubectl(emulator.kubeconfig(), o.workDir());
            int seen = kubectl.countAllPods(o.workDir());
            if (seen != PODS) {
                throw new IllegalStateException("kubectl sees " + seen + " pods, expected " + PODS);
            }
            FxStage.start();
            List<PodTable.Mode> modes = PodTable.Mode.fromEnvironment();
            Map<PodTable.Mode, List<Double>> app = new EnumMap<>(PodTable.Mode.class);
            modes.forEach(m -> app.put(m, new ArrayList<>()));
            List<Double> peer = new ArrayList<>();
            List<Double> peerUnpaged = new ArrayList<>();
            double cold = Double.NaN;
            for (int i = 0; i < o.warmups() + o.runs(); i++) {
                boolean warm = i < o.warmups();
                StringBuilder line = new StringBuilder();
                for (PodTable.Mode mode : modes) {
                    settle(emulator);
                    double a = appLoadSeconds(mode, kubeconfig, PODS);
                    if (i == 0 && mode == modes.getFirst()) {
                        cold = a; // the first connect of a fresh JVM, as at app start
                    }
                    line.append(String.format(java.util.Locale.ROOT, "%s %.3f s, ", mode.id, a));
                    if (!warm) {
                        app.get(mode).add(a);
                    }
                }
                settle(emulator);
                double k = Figures.seconds(kubectl.getAllPodsJson(false).nanos());
                settle(emulator);
                double k0 = Figures.seconds(kubectl.run(List.of("get", "pods", "-A", "-o", "json", "--chunk-size=0"),
                        null, 300, false).nanos());
                Figures.note("%s %d: %skubectl %.3f s, kubectl --chunk-size=0 %.3f s", warm ? "warm-up" : "run", i,
                        line, k, k0);
                if (!warm) {
                    peer.add(k);
                    peerUnpaged.add(k0);
                }
            }
            double peerMedian = Figures.median(peer);
            Figures.note("runs: %s, kubectl %s, kubectl --chunk-size=0 %s", app, peer, peerUnpaged);
            if (app.containsKey(PodTable.Mode.TABLE)) {
                double t = Figures.median(app.get(PodTable.Mode.TABLE));
                Figures.print("cluster_load_seconds", t, "s");
                Figures.print("kubectl_seconds", peerMedian, "s");
                Figures.print("cluster_load_ratio_vs_kubectl", t / peerMedian, "x");
            } else {
                Figures.print("kubectl_seconds", peerMedian, "s");
            }
            if (app.containsKey(PodTable.Mode.PODS_VIEW)) {
                double v = Figures.median(app.get(PodTable.Mode.PODS_VIEW));
                Figures.print("cluster_load_pods_view_seconds", v, "s");
                Figures.print("cluster_load_pods_view_ratio_vs_kubectl", v / peerMedian, "x");
            }
            Figures.print("kubectl_chunk0_seconds", Figures.median(peerUnpaged), "s");
            Figures.print("cluster_load_cold_seconds", cold, "s");
        }
    }

    /** One app load: returns seconds from connect to the first painted frame with every row. */
    static double appLoadSeconds(PodTable.Mode mode, Kubeconfig kubeconfig, int pods) {
        AtomicInteger projectionFailures = new AtomicInteger();
        long[] start = new long[1];
        AtomicLong listed = new AtomicLong();
        KubeClusterService[] service = new KubeClusterService[1];
        Subscription[] probe = new Subscription[1];
        String context = kubeconfig.contexts().getFirst().name();
        PodTable table = FxStage.onFx(() -> {
            start[0] = System.nanoTime();
            service[0] = new KubeClusterService(kubeconfig.contexts(), Clock.systemUTC(),
                    (kind, err) -> projectionFailures.incrementAndGet());
            // Diagnostic: a second subscriber on the same shared watch notes when the listed rows are handed out.
            probe[0] = service[0].watch(context, PodTable.KIND, WatchScope.ALL, batch -> {
                if (batch.replace()) {
                    listed.compareAndSet(0, System.nanoTime());
                }
            });
            return PodTable.open(mode, service[0], context, pods);
        });
        try {
            long end = table.awaitLoadedFrame(300);
            if (projectionFailures.get() > 0) {
                throw new IllegalStateException(projectionFailures.get() + " pods failed to project");
            }
            Figures.note("  %s: list+project %.3f s, then FX until the frame %.3f s", mode.id,
                    Figures.seconds(listed.get() - start[0]), Figures.seconds(end - listed.get()));
            return Figures.seconds(end - start[0]);
        } finally {
            probe[0].close();
            table.close();
            service[0].close();
        }
    }

    /** Between timed runs: no watch left open on the emulator, garbage collected, a moment of quiet. */
    static void settle(EmulatorProcess emulator) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (emulator.openWatches() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.gc();
        Thread.sleep(1_000);
    }
}
