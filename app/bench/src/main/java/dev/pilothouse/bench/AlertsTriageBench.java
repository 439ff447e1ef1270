package dev.pilothouse.bench;

import dev.pilothouse.plugins.monitoring.alerts.AlertsView;
import dev.pilothouse.sdk.alerts.Alert;
import dev.pilothouse.sdk.alerts.AlertService;
import dev.pilothouse.sdk.alerts.AlertSnapshot;
import dev.pilothouse.sdk.alerts.AlertState;
import dev.pilothouse.sdk.alerts.RuleGroup;
import dev.pilothouse.sdk.alerts.Silence;
import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.cluster.ConnectionStatus;
import dev.pilothouse.sdk.settings.Settings;
import dev.pilothouse.sdk.ui.ViewContext;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * alerts-triage: the monitoring plugin's {@code alerts} view, 1400x900 in the benchmark window, showing 5,000 active
 * alerts of one cluster (120 alert names over 40 namespaces, three severities, firing and pending, some silenced).
 * Each iteration applies an update as the next poll would bring it (2% of the alerts change state or value, 1% end,
 * 1% start) and measures the time from the refresh until the view has regrouped (on the feed's thread), updated
 * and laid out the table (FX thread) ({@code alerts_update_*}), and until the frame is painted
 * ({@code alerts_update_frame_*}). The alert service answers at once, so the figures are the console's own work. Settings:
 * {@code BENCH_ALERTS} (default 5000), {@code BENCH_ALERTS_ITERATIONS} (default 200),
 * {@code BENCH_ALERTS_WARMUPS} (default 30).
 */
final class AlertsTriageBench {

    private static final String CLUSTER = "prod";
    private static final String[] SEVERITIES = {"critical", "warning", "info"};

    private AlertsTriageBench() {
    }

    static void run(Bench.Options o) throws Exception {
        int alerts = Bench.intEnv("BENCH_ALERTS", 5_000, 10, 200_000);
        int iterations = Bench.intEnv("BENCH_ALERTS_ITERATIONS", 200, 10, 100_000);
        int warmups = Bench.intEnv("BENCH_ALERTS_WARMUPS", 30, 0, 10_000);
        Figures.note("alerts-triage: %d alerts, %d warm-ups, %d iterations", alerts, warmups, iterations);
        Population population = new Population(alerts, new Random(7));
        FakeAlerts service = new FakeAlerts(population.snapshot());

        FxStage.start();
        long startNanos = System.nanoTime();
        AlertsView view = FxStage.onFx(() -> {
            AlertsView v = new AlertsView(viewContext(service));
            Parent node = (Parent) v.node();
            node.setStyle("-fx-pref-width: 1400; -fx-pref-height: 900;");
            FxStage.show(node);
            v.activate();
            return v;
        });
        TableView<?> table = FxStage.onFx(() -> (TableView<?>) view.node().lookup("#alerts-table"));
        long initial = settle(view) - startNanos;
        int groups = FxStage.onFx(() -> table.getItems().size());
        Figures.note("initial: %d groups shown in %.0f ms", groups, Figures.millis(initial));
        Figures.print("alerts_initial_ms", Figures.millis(initial), "ms");

        Samples update = new Samples(iterations);
        Samples frame = new Samples(iterations);
        for (int i = 0; i < warmups + iterations; i++) {
            service.next = population.advance();
            long[] nanos = update(view, table);
            if (i >= warmups) {
                update.add(nanos[0]);
                frame.add(nanos[1]);
            }
        }
        int shown = FxStage.onFx(() -> table.getItems().size());
        if (shown == 0) {
            throw new IllegalStateException("the alerts table is empty after the updates");
        }
        Figures.print("alerts_update_p50_ms", update.percentileMillis(50), "ms");
        Figures.print("alerts_update_p99_ms", update.percentileMillis(99), "ms");
        Figures.print("alerts_update_max_ms", update.maxMillis(), "ms");
        Figures.print("alerts_update_frame_p99_ms", frame.percentileMillis(99), "ms");
        Figures.print("alerts_groups", shown, "groups");
        FxStage.onFx(() -> {
            view.dispose();
            FxStage.clear();
        });
    }

    /** Waits until the first poll's answer has been applied and laid out; returns when, in nanoseconds. */
    private static long settle(AlertsView view) throws InterruptedException {
        CountDownLatch shown = new CountDownLatch(1);
        long[] t = new long[1];
        FxStage.onFx(() -> view.ready().addListener((obs, was, now) -> {
            if (now) {
                layout(view);
                t[0] = System.nanoTime();
                shown.countDown();
            }
        }));
        if (!FxStage.onFx(() -> view.ready().get()) && !shown.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the alerts view was not ready within 60 s");
        }
        return t[0] == 0 ? System.nanoTime() : t[0];
    }

    /**
     * One poll: presses Refresh; the service answers at once, the feed groups the answer on its own thread and hands
     * it to the view on the FX thread. When the table's rows change, a runLater lays out and stops the clock.
     */
    private static long[] update(AlertsView view, TableView<?> table) throws InterruptedException {
        CountDownLatch painted = new CountDownLatch(1);
        long[] t = new long[3];
        FxStage.onFx(() -> {
            Button refresh = (Button) view.node().lookup("#alerts-refresh");
            ListChangeListener<Object> onRows = new ListChangeListener<>() {
                @Override
                public void onChanged(Change<?> change) {
                    table.getItems().removeListener(this);
                    Platform.runLater(() -> {
                        layout(view);
                        t[1] = System.nanoTime();
                        FxStage.afterNextFrame(() -> {
                            t[2] = System.nanoTime();
                            painted.countDown();
                        });
                    });
                }
            };
            @SuppressWarnings("unchecked")
            ObservableList<Object> rows = (ObservableList<Object>) table.getItems();
            rows.addListener(onRows);
            t[0] = System.nanoTime();
            refresh.fire();
        });
        if (!painted.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the update was not shown within 30 s");
        }
        return new long[] {t[1] - t[0], t[2] - t[0]};
    }

    private static void layout(AlertsView view) {
        Parent root = (Parent) view.node();
        root.applyCss();
        root.layout();
    }

    /** The cluster's alerts, changing a little at each poll. */
    private static final class Population {
        private final Random random;
        private final List<Alert> alerts = new ArrayList<>();
        private int serial;

        Population(int size, Random random) {
            this.random = random;
            for (int i = 0; i < size; i++) {
                alerts.add(newAlert());
            }
        }

        AlertSnapshot snapshot() {
            return new AlertSnapshot(List.copyOf(alerts), List.of());
        }

        AlertSnapshot advance() {
            int n = alerts.size();
            for (int k = 0; k < n / 50; k++) {
                int i = random.nextInt(n);
                Alert a = alerts.get(i);
                alerts.set(i, new Alert(a.cluster(), a.labels(), a.annotations(),
                        a.state() == AlertState.PENDING ? AlertState.FIRING : a.state(), a.activeAt(),
                        String.valueOf(random.nextDouble() * 100), a.fingerprint(), a.generatorUrl(), a.silencedBy(),
                        a.inhibitedBy()));
            }
            for (int k = 0; k < n / 100; k++) {
                alerts.set(random.nextInt(n), newAlert()); // one ends, another starts
            }
            return snapshot();
        }

        private Alert newAlert() {
            int id = serial++;
            int name = random.nextInt(120);
            String severity = SEVERITIES[name % SEVERITIES.length];
            Map<String, String> labels = Map.of("alertname", "ModelServing" + name, "severity", severity,
                    "namespace", "team-" + random.nextInt(40), "pod", "model-" + id + "-" + Integer.toHexString(id * 31),
                    "instance", "10.0." + (id / 250) + "." + (id % 250) + ":8080");
            AlertState state = random.nextInt(5) == 0 ? AlertState.PENDING : AlertState.FIRING;
            List<String> silenced = random.nextInt(20) == 0 ? List.of("silence-" + name) : List.of();
            return new Alert(CLUSTER, labels, Map.of("summary", "Model serving problem " + name + " on " + id,
                    "runbook_url", "https://runbooks.example.com/" + name),
                    state, Instant.parse("2026-11-23T00:00:00Z").plusSeconds(random.nextInt(86_400)),
                    String.valueOf(random.nextDouble() * 100), "fp" + id, "", silenced, List.of());
        }
    }

    /** Answers every call at once with the current snapshot. */
    private static final class FakeAlerts implements AlertService {
        volatile AlertSnapshot next;

        FakeAlerts(AlertSnapshot first) {
            next = first;
        }

        @Override
        public boolean available(String cluster) {
            return true;
        }

        @Override
        public boolean alertmanagerAvailable(String cluster) {
            return true;
        }

        @Override
        public CompletableFuture<List<Alert>> alerts(String cluster) {
            return CompletableFuture.completedFuture(next.alerts());
        }

        @Override
        public CompletableFuture<AlertSnapshot> snapshot(String cluster) {
            return CompletableFuture.completedFuture(next);
        }

        @Override
        public CompletableFuture<List<RuleGroup>> rules(String cluster) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<List<Silence>> silences(String cluster) {
            return CompletableFuture.completedFuture(List.of());
        }
    }

    /** One cluster, in-memory settings, read-only; anything else a view might ask is unsupported. */
    private static ViewContext viewContext(AlertService alerts) {
        ReadOnlyStringWrapper active = new ReadOnlyStringWrapper(CLUSTER);
        ReadOnlyStringWrapper namespace = new ReadOnlyStringWrapper("");
        ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(true);
        Map<String, String> stored = new ConcurrentHashMap<>();
        Settings settings = PodTable.proxy(Settings.class, (p, m, a) -> switch (m.getName()) {
            case "get" -> Optional.ofNullable(stored.get((String) a[0]));
            case "put" -> {
                stored.put((String) a[0], (String) a[1]);
                yield null;
            }
            default -> throw new UnsupportedOperationException("Settings." + m.getName());
        });
        ClusterInfo info = new ClusterInfo(CLUSTER, "https://prod:6443", "", ConnectionStatus.idle(Instant.now()));
        ClusterService clusters = PodTable.proxy(ClusterService.class, (p, m, a) -> switch (m.getName()) {
            case "clusters" -> List.of(info);
            default -> throw new UnsupportedOperationException("ClusterService." + m.getName());
        });
        return PodTable.proxy(ViewContext.class, (p, m, a) -> switch (m.getName()) {
            case "clusters" -> clusters;
            case "alerts" -> alerts;
            case "activeCluster" -> active.getReadOnlyProperty();
            case "namespace" -> namespace.getReadOnlyProperty();
            case "readOnly" -> readOnly.getReadOnlyProperty();
            case "settings" -> settings;
            default -> throw new UnsupportedOperationException("ViewContext." + m.getName());
        });
    }
}
