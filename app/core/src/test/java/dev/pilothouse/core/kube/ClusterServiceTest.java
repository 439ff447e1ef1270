package dev.pilothouse.core.kube;

import dev.pilothouse.demo.EmulatedCluster;
import dev.pilothouse.sdk.cluster.ClusterException;
import dev.pilothouse.sdk.cluster.ConnectionState;
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
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cluster service against the emulated API server, through a kubeconfig like any real cluster. */
class ClusterServiceTest {

    record NameRow(String uid, String namespace, String name, String phase) implements Row {
    }

    static final ResourceKind<NameRow> PODS = ResourceKind
            .builder(GroupVersionKind.core("v1", "Pod", "pods"),
                    (KubeObject o) -> new NameRow(o.uid(), o.namespace(), o.name(), o.string("status", "phase")))
            .build();

    static final ResourceKind<NameRow> WIDGETS = ResourceKind
            .builder(new GroupVersionKind("example.com", "v1", "Widget", "widgets"),
                    (KubeObject o) -> new NameRow(o.uid(), o.namespace(), o.name(), ""))
            .build();

    /** Mirrors what a view would hold: the rows by uid, applied batch by batch. */
    static final class Mirror implements RowListener<NameRow> {
        final Map<String, NameRow> rows = new ConcurrentHashMap<>();
        volatile WatchStatus status = WatchStatus.loading();
        volatile int replaces;

        @Override
        public synchronized void onBatch(RowBatch<NameRow> batch) {
            if (batch.replace()) {
                rows.clear();
                replaces++;
            }
            batch.deletes().forEach(rows::remove);
            batch.upserts().forEach(r -> rows.put(r.uid(), r));
        }

        @Override
        public void onStatus(WatchStatus s) {
            status = s;
        }

        List<String> names() {
            return rows.values().stream().map(NameRow::name).sorted().toList();
        }
    }

    @TempDir
    Path dir;

    private EmulatedCluster cluster;
    private KubeClusterService service;

    @BeforeEach
    void start() throws Exception {
        cluster = EmulatedCluster.start("it", 0);
        cluster.adminClient().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("ml").endMetadata()
                .build()).create();
        Path kubeconfig = Files.writeString(dir.resolve("k.yaml"), cluster.kubeconfigYaml());
        Kubeconfig k = new KubeconfigLoader(new ClientTuning(2_000, 5_000)).load(List.of(kubeconfig));
        service = new KubeClusterService(k.contexts(), Clock.systemUTC(), (kind, e) -> { });
    }

    @AfterEach
    void stop() {
        service.close();
        cluster.close();
    }

    private static Pod pod(String name) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("ml").endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("busybox").endContainer().endSpec()
                .withNewStatus().withPhase("Pending").endStatus().build();
    }

    private void create(String name) {
        cluster.adminClient().pods().inNamespace("ml").resource(pod(name)).create();
    }

    @Test
    void listsThenFollowsAddsUpdatesAndDeletes() {
        create("a");
        Mirror mirror = new Mirror();
        try (Subscription s = service.watch("demo-it", PODS, WatchScope.ALL, mirror)) {
            Eventually.await(Duration.ofSeconds(10), "initial list delivered", () -> mirror.names().equals(List.of("a")),
                    () -> mirror.names().toString());
            assertThat(mirror.status.state()).isEqualTo(WatchState.SYNCED);
            assertThat(service.clusters().getFirst().status().state()).isEqualTo(ConnectionState.LIVE);

            create("b");
            Eventually.await(Duration.ofSeconds(10), "added pod seen", () -> mirror.names().equals(List.of("a", "b")),
                    () -> mirror.names().toString());
            cluster.adminClient().pods().inNamespace("ml").withName("a")
                    .editStatus(p -> new PodBuilder(p).editStatus().withPhase("Running").endStatus().build());
            Eventually.await(Duration.ofSeconds(10), "update seen", () -> mirror.rows.values().stream()
                    .anyMatch(r -> r.name().equals("a") && r.phase().equals("Running")), () -> mirror.names().toString());
            cluster.adminClient().pods().inNamespace("ml").withName("b").delete();
            Eventually.await(Duration.ofSeconds(10), "delete seen", () -> mirror.names().equals(List.of("a")), () -> mirror.names().toString());
        }
    }

    @Test
    void aSecondSubscriberSharesTheWatchAndGetsTheCurrentRows() {
        create("a");
        Mirror first = new Mirror();
        Mirror second = new Mirror();
        try (Subscription s1 = service.watch("demo-it", PODS, WatchScope.ALL, first)) {
            Eventually.await(Duration.ofSeconds(10), "first synced", () -> first.names().size() == 1);
            try (Subscription s2 = service.watch("demo-it", PODS, WatchScope.ALL, second)) {
                Eventually.await(Duration.ofSeconds(10), "second got the rows", () -> second.names().equals(List.of("a")));
                assertThat(service.activeWatchCount()).isEqualTo(1);
            }
        }
    }

    @Test
    void droppedWatchesReconnectAndMissNothing() {
        create("a");
        Mirror mirror = new Mirror();
        try (Subscription s = service.watch("demo-it", PODS, WatchScope.ALL, mirror)) {
            Eventually.await(Duration.ofSeconds(10), "synced", () -> mirror.names().size() == 1);
            Eventually.await(Duration.ofSeconds(10), "watching", () -> cluster.openWatches() >= 1);
            cluster.dropWatches();
            create("b");
            Eventually.await(Duration.ofSeconds(20), "pod created during the drop seen after reconnecting",
                    () -> mirror.names().equals(List.of("a", "b")), () -> mirror.names().toString());
        }
    }

    @Test
    void aGoneResourceVersionLeadsToARelist() {
        create("a");
        Mirror mirror = new Mirror();
        try (Subscription s = service.watch("demo-it", PODS, WatchScope.ALL, mirror)) {
            Eventually.await(Duration.ofSeconds(10), "synced", () -> mirror.replaces == 1);
            // The watch opens after the list: drop it only once it is open, or the drop misses it.
            Eventually.await(Duration.ofSeconds(10), "watching", () -> cluster.openWatches() >= 1);
            cluster.expireResourceVersions();
            cluster.dropWatches();
            create("b");
            Eventually.await(Duration.ofSeconds(20), "relisted after 410", () -> mirror.replaces >= 2
                    && mirror.names().equals(List.of("a", "b")), () -> mirror.replaces + " " + mirror.names());
        }
    }

    @Test
    void aStoppedServerMakesTheDataStaleAndARestartHealsIt() {
        create("a");
        Mirror mirror = new Mirror();
        try (Subscription s = service.watch("demo-it", PODS, WatchScope.ALL, mirror)) {
            Eventually.await(Duration.ofSeconds(10), "synced", () -> mirror.names().size() == 1);
            cluster.stop();
            Eventually.await(Duration.ofSeconds(20), "watch reported stale", () -> mirror.status.state() == WatchState.STALE,
                    () -> String.valueOf(mirror.status));
            assertThat(mirror.names()).as("last known rows stay").containsExactly("a");
            assertThat(service.clusters().getFirst().status().state()).isEqualTo(ConnectionState.STALE);
            assertThat(service.clusters().getFirst().status().lastSync()).isNotNull();

            cluster.restart();
            create("b");
            Eventually.await(Duration.ofSeconds(40), "converged after restart", () -> mirror.status.state() == WatchState.SYNCED
                    && mirror.names().equals(List.of("a", "b")), () -> mirror.status + " " + mirror.names());
            assertThat(service.clusters().getFirst().status().state()).isEqualTo(ConnectionState.LIVE);
        }
    }

    @Test
    void twentyRestartsWhileWatchingConvergeEachTimeWithNothingLostStaleOrDuplicated() {
        create("p0");
        Mirror mirror = new Mirror();
        try (Subscription s = service.watch("demo-it", PODS, WatchScope.ALL, mirror)) {
            Eventually.await(Duration.ofSeconds(10), "synced", () -> mirror.names().equals(List.of("p0")));
            java.util.Set<String> expected = new java.util.TreeSet<>(List.of("p0"));
            for (int i = 1; i <= 20; i++) {
                cluster.stop();
                cluster.restart();
                // Change the server while the client is reconnecting: an add and, every other round, a delete.
                create("p" + i);
                expected.add("p" + i);
                if (i % 2 == 0) {
                    String gone = "p" + (i - 1);
                    cluster.adminClient().pods().inNamespace("ml").withName(gone).delete();
                    expected.remove(gone);
                }
                List<String> want = List.copyOf(expected);
                int round = i;
                Eventually.await(Duration.ofSeconds(5), "store converged after restart " + round,
                        () -> mirror.names().equals(want) && mirror.rows.size() == want.size(),
                        () -> "want " + want + " got " + mirror.names());
            }
        }
    }

    @Test
    void aFailingCredentialPluginIsReportedWithItsMessageAndNeverRunInALoop() throws Exception {
        Path counter = dir.resolve("invocations");
        Path plugin = dir.resolve("fake-auth-plugin");
        Files.writeString(plugin, """
                #!/bin/sh
                echo run >> "%s"
                echo "error: your session expired, run 'demo-login'" >&2
                exit 1
                """.formatted(counter));
        plugin.toFile().setExecutable(true);
        Path kubeconfig = Files.writeString(dir.resolve("exec.yaml"), """
                apiVersion: v1
                kind: Config
                current-context: sso
                contexts: [{name: sso, context: {cluster: c, user: sso-user}}]
                clusters: [{name: c, cluster: {server: "%s"}}]
                users:
                - name: sso-user
                  user:
                    exec: {apiVersion: client.authentication.k8s.io/v1, command: "%s", interactiveMode: Never}
                """.formatted(cluster.url(), plugin));
        Kubeconfig k = new KubeconfigLoader(new ClientTuning(2_000, 5_000)).load(List.of(kubeconfig));
        assertThat(k.contexts()).as("a failing plugin does not hide the context").hasSize(1);
        assertThat(Files.exists(counter)).as("reading the kubeconfig runs no plugin").isFalse();
        try (KubeClusterService sso = new KubeClusterService(k.contexts(), Clock.systemUTC(), (kind, e) -> { })) {
            Mirror mirror = new Mirror();
            try (Subscription s = sso.watch("sso", PODS, WatchScope.ALL, mirror)) {
                Eventually.await(Duration.ofSeconds(20), "retries stopped", () -> mirror.status.message()
                        .contains("stopped retrying"), () -> String.valueOf(mirror.status));
                assertThat(sso.clusters().getFirst().status().state()).isEqualTo(ConnectionState.AUTH_FAILED);
                assertThat(sso.clusters().getFirst().status().message()).contains("your session expired");
                assertThat(Files.readAllLines(counter)).as("plugin runs: %s", Files.readString(counter)).hasSize(ListWatch.MAX_AUTH_ATTEMPTS);

                // The user logs in: the plugin now hands out a valid token, and Retry recovers at once.
                Files.writeString(plugin, """
                        #!/bin/sh
                        echo run >> "%s"
                        printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}'
                        """.formatted(counter, cluster.userToken()));
                create("after-login");
                sso.reconnect("sso");
                Eventually.await(Duration.ofSeconds(20), "live after reconnect", () -> mirror.status.state() == WatchState.SYNCED
                        && mirror.names().contains("after-login"), () -> String.valueOf(mirror.status));
                assertThat(sso.clusters().getFirst().status().state()).isEqualTo(ConnectionState.LIVE);
            }
        }
    }

    /** Collects a log stream. */
    static final class LogCollector implements dev.pilothouse.sdk.cluster.LogListener {
        final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean ended;
        volatile String error;

        @Override
        public void onLines(List<String> batch) {
            lines.addAll(batch);
        }

        @Override
        public void onEnd() {
            ended = true;
        }

        @Override
        public void onError(String message) {
            error = message;
        }
    }

    @Test
    void streamsTheTailOfARunningContainersLog() {
        Pod running = new PodBuilder(pod("vllm-0")).editMetadata().addToLabels("app.kubernetes.io/name", "llama")
                .withUid("u-vllm").endMetadata()
                .editStatus().withPhase("Running").addNewContainerStatus().withName("main").withReady(true)
                .withNewState().withNewRunning().withStartedAt("2026-11-22T10:00:00Z").endRunning().endState()
                .endContainerStatus().endStatus().build();
        cluster.seed(List.of(running));
        LogCollector log = new LogCollector();
        try (Subscription s = service.streamLog("demo-it", "ml", "vllm-0",
                new dev.pilothouse.sdk.cluster.LogOptions("main", false, false, true, 5), log)) {
            Eventually.await(Duration.ofSeconds(10), "log read to its end", () -> log.ended || log.error != null,
                    () -> log.lines + " " + log.error);
            assertThat(log.error).isNull();
            assertThat(log.lines).hasSizeBetween(1, 5);
            assertThat(log.lines.getFirst()).as("timestamps asked for").matches("^\\d{4}-\\d{2}-\\d{2}T.*");
        }
    }

    @Test
    void aLogOfAPodThatDoesNotExistFailsWithTheServersMessage() {
        LogCollector log = new LogCollector();
        try (Subscription s = service.streamLog("demo-it", "ml", "ghost", dev.pilothouse.sdk.cluster.LogOptions.followTail(), log)) {
            Eventually.await(Duration.ofSeconds(10), "error reported", () -> log.error != null);
            assertThat(log.error).startsWith("ghost: HTTP 404").contains("not found");
        }
    }

    @Test
    void aKindTheUserMayNotListIsReportedWithTheReviewsReasonWithoutListing() {
        cluster.setAccessPolicy((user, verb, group, resource, sub, ns, name) -> !resource.equals("secrets"));
        Mirror mirror = new Mirror();
        ResourceKind<NameRow> secrets = ResourceKind.builder(GroupVersionKind.core("v1", "Secret", "secrets"),
                (KubeObject o) -> new NameRow(o.uid(), o.namespace(), o.name(), "")).build();
        try (Subscription s = service.watch("demo-it", secrets, WatchScope.ALL, mirror)) {
            Eventually.await(Duration.ofSeconds(10), "forbidden reported", () -> mirror.status.state() == WatchState.FORBIDDEN,
                    () -> String.valueOf(mirror.status));
            assertThat(mirror.status.message()).startsWith("You may not list secrets in all namespaces");
            assertThat(mirror.rows).isEmpty();
            assertThat(service.clusters().getFirst().status().state()).as("the connection itself is fine")
                    .isNotIn(ConnectionState.AUTH_FAILED, ConnectionState.UNREACHABLE);
        }
    }

    @Test
    void aKindThatIsNotInstalledIsReportedAsSuchNotAsAnError() {
        Mirror mirror = new Mirror();
        try (Subscription s = service.watch("demo-it", WIDGETS, WatchScope.ALL, mirror)) {
            Eventually.await(Duration.ofSeconds(10), "not installed reported",
                    () -> mirror.status.state() == WatchState.NOT_INSTALLED, () -> String.valueOf(mirror.status));
            assertThat(mirror.status.message()).contains("not installed");
        }
    }

    @Test
    void anUnreachableServerIsReportedAsUnreachable() throws Exception {
        cluster.stop();
        Mirror mirror = new Mirror();
        try (Subscription s = service.watch("demo-it", PODS, WatchScope.ALL, mirror)) {
            Eventually.await(Duration.ofSeconds(20), "unreachable reported",
                    () -> service.clusters().getFirst().status().state() == ConnectionState.UNREACHABLE
                            && mirror.status.state() == WatchState.FAILED, () -> String.valueOf(mirror.status));
        }
    }

    @Test
    void getFetchesAFullObjectAndNamesWhatIsMissing() throws Exception {
        create("a");
        KubeObject a = service.get("demo-it", PODS.gvk(), "ml", "a").get(10, TimeUnit.SECONDS);
        assertThat(a.string("spec", "containers", "0", "image")).isEqualTo("busybox");
        assertThatThrownBy(() -> service.get("demo-it", PODS.gvk(), "ml", "ghost").get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ClusterException.class)
                .hasMessageContaining("ml/ghost not found");
    }

    @Test
    void serverVersionComesFromTheServer() throws Exception {
        assertThat(service.serverVersion("demo-it").get(10, TimeUnit.SECONDS)).startsWith("v1.");
    }
}
