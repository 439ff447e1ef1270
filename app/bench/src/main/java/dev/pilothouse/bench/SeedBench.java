package dev.pilothouse.bench;

import dev.pilothouse.demo.EmulatedCluster;
import dev.pilothouse.demo.LoadGenerator;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * seed: {@link EmulatedCluster#seed} of 50 namespaces and 10,000 synthetic pods into a new emulator, timed (the
 * pods are generated before the clock starts; generating them is reported separately). Peer: {@code kubectl create
 * --validate=false -f} (the emulator serves no OpenAPI) of the same pods as one List file into another new emulator
 * with the namespaces seeded: the path without bulk seeding, one POST per pod.
 */
final class SeedBench {

    static final int PODS = 10_000;
    static final int NAMESPACES = 50;

    private SeedBench() {
    }

    static void run(Bench.Options o) throws Exception {
        long g0 = System.nanoTime();
        List<Pod> pods = LoadGenerator.syntheticPods(PODS, NAMESPACES);
        double generate = Figures.seconds(System.nanoTime() - g0);
        List<Namespace> namespaces = LoadGenerator.namespaces(NAMESPACES);
        Path podsFile = o.workDir().resolve("pods-" + PODS + ".json");
        PodList list = new PodListBuilder().withItems(stripped(pods)).build();
        Files.writeString(podsFile, Serialization.asJson(list));
        List<Double> seeds = new ArrayList<>();
        List<Double> peer = new ArrayList<>();
        for (int i = 0; i < o.warmups() + o.runs(); i++) {
            boolean warm = i < o.warmups();
            double s;
            try (EmulatedCluster cluster = EmulatedCluster.start("seed-" + i, 0)) {
                System.gc();
                long t0 = System.nanoTime();
                cluster.seed(namespaces);
                cluster.seed(pods);
                s = Figures.seconds(System.nanoTime() - t0);
                if (i == 0) {
                    int listed = cluster.adminClient().pods().inAnyNamespace().list().getItems().size();
                    if (listed != PODS) {
                        throw new IllegalStateException("seeded " + PODS + " pods but the server lists " + listed);
                    }
                }
            }
            double k;
            try (EmulatedCluster cluster = EmulatedCluster.start("kubectl-" + i, 0)) {
                cluster.seed(namespaces);
                Path kubeconfig = o.workDir().resolve("seed-kubeconfig.yaml");
                Files.writeString(kubeconfig, cluster.kubeconfigYaml());
                Kubectl kubectl = new Kubectl(kubeconfig, o.workDir());
                k = Figures.seconds(kubectl.run(List.of("create", "--validate=false", "-f", podsFile.toString()), null, 600, false).nanos());
                int listed = cluster.adminClient().pods().inAnyNamespace().list().getItems().size();
                if (listed != PODS) {
                    throw new IllegalStateException("kubectl created " + listed + " pods, expected " + PODS);
                }
            }
            Figures.note("%s %d: seed %.3f s, kubectl create %d pods %.3f s", warm ? "warm-up" : "run", i, s,
                    PODS, k);
            if (!warm) {
                seeds.add(s);
                peer.add(k);
            }
        }
        double seed = Figures.median(seeds);
        double kubectl = Figures.median(peer);
        Figures.print("seed_10k_pods_seconds", seed, "s");
        Figures.print("generate_10k_pods_seconds", generate, "s");
        Figures.print("kubectl_create_10k_pods_seconds", kubectl, "s");
        Figures.print("seed_ratio_vs_kubectl", seed / kubectl, "x");
    }

    /** What a user would create: no uid, resourceVersion or status. */
    private static List<Pod> stripped(List<Pod> pods) {
        List<Pod> result = new ArrayList<>(pods.size());
        for (Pod p : pods) {
            Pod copy = Serialization.clone(p);
            copy.getMetadata().setUid(null);
            copy.getMetadata().setCreationTimestamp(null);
            copy.setStatus(null);
            result.add(copy);
        }
        return result;
    }
}
