package dev.pilothouse.desktop.fx;

import dev.pilothouse.sdk.cluster.AccessDecision;
import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.cluster.RowBatch;
import dev.pilothouse.sdk.cluster.RowListener;
import dev.pilothouse.sdk.cluster.Subscription;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.cluster.WatchState;
import dev.pilothouse.sdk.cluster.WatchStatus;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.testkit.Eventually;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Batches from a watch thread reach the FX list coalesced, in bulk, and in the right final state. */
class FxLiveRowsTest {

    record R(String uid, String namespace, String name, int version) implements Row {
    }

    static final ResourceKind<R> KIND = ResourceKind.builder(GroupVersionKind.core("v1", "Pod", "pods"),
            (KubeObject o) -> new R(o.uid(), o.namespace(), o.name(), 0)).build();

    /** A cluster service whose single watch is driven by the test. */
    static final class FakeClusters implements ClusterService {
        final AtomicReference<RowListener<R>> listener = new AtomicReference<>();
        volatile boolean closed;

        @Override
        public List<ClusterInfo> clusters() {
            return List.of();
        }

        @Override
        public Subscription onStatusChange(Consumer<ClusterInfo> l) {
            return () -> { };
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends Row> Subscription watch(String cluster, ResourceKind<T> kind, WatchScope scope, RowListener<T> l) {
            listener.set((RowListener<R>) l);
            return () -> closed = true;
        }

        @Override
        public CompletableFuture<KubeObject> get(String c, GroupVersionKind g, String n, String name) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }

        @Override
        public CompletableFuture<List<KubeObject>> list(String c, GroupVersionKind g, WatchScope s) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public void reconnect(String cluster) {
        }

        @Override
        public Subscription streamLog(String c, String ns, String pod, dev.pilothouse.sdk.cluster.LogOptions o,
                                      dev.pilothouse.sdk.cluster.LogListener l) {
            return () -> { };
        }

        @Override
        public CompletableFuture<String> serverVersion(String cluster) {
            return CompletableFuture.completedFuture("v1.32.0");
        }

        @Override
        public CompletableFuture<AccessDecision> canI(String c, String verb, GroupVersionKind g, String ns) {
            return CompletableFuture.completedFuture(new AccessDecision(true, ""));
        }
    }

    @BeforeAll
    static void startFx() throws Exception {
        // Through TestFX, so the toolkit is set up exactly as for the robot tests sharing this JVM.
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @Test
    void aStormOfSingleRowBatchesArrivesCoalescedAndComplete() throws Exception {
        FakeClusters clusters = new FakeClusters();
        FxLiveRows<R> live = FxLiveRows.open(clusters, new FxBatcher(), "c", KIND, WatchScope.ALL, r -> { });
        AtomicInteger listEvents = new AtomicInteger();
        Platform.runLater(() -> live.rows().addListener((ListChangeListener<R>) c -> listEvents.incrementAndGet()));
        RowListener<R> watch = clusters.listener.get();

        Thread feeder = Thread.ofPlatform().start(() -> {
            watch.onBatch(new RowBatch<>(List.of(), List.of(), true));
            for (int i = 0; i < 5_000; i++) {
                watch.onBatch(new RowBatch<>(List.of(new R("u" + (i % 1_000), "ns", "pod-" + (i % 1_000), i)), List.of(), false));
            }
            watch.onBatch(new RowBatch<>(List.of(), List.of("u0", "u1"), false));
            watch.onStatus(new WatchStatus(WatchState.SYNCED, Instant.now(), ""));
        });
        feeder.join();

        Eventually.await(Duration.ofSeconds(10), "998 rows with their latest versions on the FX thread", () -> {
            CompletableFuture<Boolean> ok = new CompletableFuture<>();
            Platform.runLater(() -> ok.complete(live.rows().size() == 998
                    && live.rows().stream().allMatch(r -> r.version() >= 4_000)
                    && live.status().get().state() == WatchState.SYNCED));
            return ok.join();
        });
        assertThat(listEvents.get()).as("5,000 server events become a handful of list changes, not 5,000")
                .isLessThan(200);
        live.close();
        assertThat(clusters.closed).isTrue();
    }
}
