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

    @Test
    void aChangeSetOfUpdatesDeletesAndAdditionsIsOneListChangeWithRowsInPlace() throws Exception {
        FakeClusters clusters = new FakeClusters();
        FxLiveRows<R> live = FxLiveRows.open(clusters, new FxBatcher(), "c", KIND, WatchScope.ALL, r -> { });
        RowListener<R> watch = clusters.listener.get();
        List<R> initial = java.util.stream.IntStream.range(0, 200).mapToObj(i -> new R("u" + i, "ns", "pod-" + i, 0))
                .toList();
        watch.onBatch(new RowBatch<>(initial, List.of(), true));
        Eventually.await(Duration.ofSeconds(10), "200 rows", () -> onFx(() -> live.rows().size() == 200));
        List<String> events = new java.util.ArrayList<>();
        onFx(() -> live.rows().addListener((ListChangeListener<R>) c -> events.add("change")));

        // One watch batch: 100 updates (more than any bulk threshold), 3 deletes and 2 new rows.
        List<R> upserts = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i += 2) {
            upserts.add(new R("u" + i, "ns", "pod-" + i, 1));
        }
        upserts.add(new R("n1", "ns", "new-1", 1));
        upserts.add(new R("n2", "ns", "new-2", 1));
        watch.onBatch(new RowBatch<>(upserts, List.of("u1", "u3", "u199"), false));

        Eventually.await(Duration.ofSeconds(10), "the change set applied", () -> onFx(() -> live.rows().size() == 199));
        List<String> uids = onFx(() -> live.rows().stream().map(R::uid).toList());
        assertThat(events).as("one list change for the whole change set").hasSize(1);
        assertThat(uids.subList(0, 4)).as("updated rows keep their places").containsExactly("u0", "u2", "u4", "u5");
        assertThat(uids.subList(197, 199)).as("new rows at the end").containsExactly("n1", "n2");
        assertThat(onFx(() -> live.rows().stream().filter(r -> r.uid().startsWith("u")).allMatch(r ->
                r.version() == (Integer.parseInt(r.uid().substring(1)) % 2 == 0 ? 1 : 0)))).isTrue();
        live.close();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }

    private static void onFx(Runnable work) {
        onFx(() -> {
            work.run();
            return null;
        });
    }
}
