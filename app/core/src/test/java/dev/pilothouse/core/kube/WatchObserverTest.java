package dev.pilothouse.core.kube;

import dev.pilothouse.demo.EmulatedCluster;
import dev.pilothouse.sdk.cluster.Subscription;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.testkit.Eventually;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The watches tell their observer (the console's own metrics) about events and reconnects, on the emulated cluster. */
class WatchObserverTest {

    /** Counts what it hears, by context and kind. */
    static final class Counting implements WatchObserver {
        final Map<String, AtomicInteger> events = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> reconnects = new ConcurrentHashMap<>();

        @Override
        public void event(String context, String kind) {
            events.computeIfAbsent(context + "/" + kind, k -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void reconnect(String context) {
            reconnects.computeIfAbsent(context, k -> new AtomicInteger()).incrementAndGet();
        }

        int events(String key) {
            AtomicInteger n = events.get(key);
            return n == null ? 0 : n.get();
        }

        int reconnects(String context) {
            AtomicInteger n = reconnects.get(context);
            return n == null ? 0 : n.get();
        }
    }

    @TempDir
    Path dir;

    private EmulatedCluster cluster;
    private KubeClusterService service;
    private final Counting observer = new Counting();

    @BeforeEach
    void start() throws Exception {
        cluster = EmulatedCluster.start("obs", 0);
        cluster.adminClient().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("ml")
                .endMetadata().build()).create();
        Path kubeconfig = Files.writeString(dir.resolve("k.yaml"), cluster.kubeconfigYaml());
        Kubeconfig k = new KubeconfigLoader(new ClientTuning(2_000, 5_000)).load(List.of(kubeconfig));
        service = new KubeClusterService(k.contexts(), Clock.systemUTC(), (kind, e) -> { }, observer);
    }

    @AfterEach
    void stop() {
        service.close();
        cluster.close();
    }

    private void create(String name) {
        cluster.adminClient().pods().inNamespace("ml").resource(new PodBuilder().withNewMetadata().withName(name)
                .withNamespace("ml").endMetadata().withNewSpec().addNewContainer().withName("main").withImage("busybox")
                .endContainer().endSpec().build()).create();
    }

    @Test
    void everyWatchEventIsCountedForItsContextAndKindButTheInitialListIsNot() {
        create("listed");
        ClusterServiceTest.Mirror mirror = new ClusterServiceTest.Mirror();
        try (Subscription s = service.watch("demo-obs", ClusterServiceTest.PODS, WatchScope.ALL, mirror)) {
            Eventually.await(Duration.ofSeconds(10), "listed", () -> mirror.names().size() == 1);
            assertThat(observer.events("demo-obs/pods")).isZero();

            create("a");
            create("b");
            cluster.adminClient().pods().inNamespace("ml").withName("a").delete();
            Eventually.await(Duration.ofSeconds(10), "two adds and a delete counted",
                    () -> observer.events("demo-obs/pods") >= 3, () -> observer.events.toString());
            assertThat(observer.events.keySet()).containsExactly("demo-obs/pods");
            assertThat(observer.reconnects).isEmpty();
        }
    }

    @Test
    void aWatchWhoseResourceVersionExpiredCountsAReconnect() {
        create("a");
        ClusterServiceTest.Mirror mirror = new ClusterServiceTest.Mirror();
        try (Subscription s = service.watch("demo-obs", ClusterServiceTest.PODS, WatchScope.ALL, mirror)) {
            Eventually.await(Duration.ofSeconds(10), "synced", () -> mirror.replaces == 1);
            // The watch opens after the list: drop it only once it is open, or the drop misses it.
            Eventually.await(Duration.ofSeconds(10), "watching", () -> cluster.openWatches() >= 1);
            cluster.expireResourceVersions();
            cluster.dropWatches();
            Eventually.await(Duration.ofSeconds(20), "relisted", () -> mirror.replaces >= 2);
            assertThat(observer.reconnects("demo-obs")).isPositive();
        }
    }
}
