package dev.pilothouse.bench;

import dev.pilothouse.desktop.fx.FxBatcher;
import dev.pilothouse.desktop.fx.FxLiveRows;
import dev.pilothouse.plugins.clusters.kinds.PodKind;
import dev.pilothouse.plugins.clusters.kinds.PodRow;
import dev.pilothouse.plugins.clusters.table.KindTableView;
import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.settings.Settings;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.ResourceTable;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableView;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A pod table in the benchmark window, in one of two shapes:
 * <ul>
 *   <li>{@link Mode#TABLE}: {@link FxLiveRows} over the cluster service's shared watch and a {@link ResourceTable}
 *       with the pod kind's columns (the data path of design.md section 4, nothing else);</li>
 *   <li>{@link Mode#PODS_VIEW}: the clusters plugin's real Pods view ({@link KindTableView} with its default sort by
 *       status), given a minimal view context whose live rows are the same {@link FxLiveRows}.</li>
 * </ul>
 * {@link #loadedFrame} completes (with System.nanoTime) when the renderer has painted the first frame after every
 * expected row reached the table's items.
 */
final class PodTable implements AutoCloseable {

    static final ResourceKind<PodRow> KIND = PodKind.kind();

    enum Mode {
        TABLE("table"), PODS_VIEW("pods-view");

        final String id;

        Mode(String id) {
            this.id = id;
        }

        static List<Mode> fromEnvironment() {
            String v = System.getenv().getOrDefault("BENCH_VIEWS", "table,pods-view");
            return java.util.Arrays.stream(v.split(",")).map(String::strip).map(s -> switch (s) {
                case "table" -> TABLE;
                case "pods-view" -> PODS_VIEW;
                default -> throw new IllegalArgumentException("BENCH_VIEWS: unknown view '" + s + "'");
            }).toList();
        }
    }

    final Mode mode;
    final FxLiveRows<PodRow> live;
    final TableView<PodRow> table;
    final CompletableFuture<Long> loadedFrame = new CompletableFuture<>();
    private final KindTableView<PodRow> view;
    private final int expectedRows;
    private final Runnable check = this::checkLoaded;

    private PodTable(Mode mode, FxLiveRows<PodRow> live, TableView<PodRow> table, KindTableView<PodRow> view,
                     int expectedRows) {
        this.mode = mode;
        this.live = live;
        this.table = table;
        this.view = view;
        this.expectedRows = expectedRows;
    }

    /** Opens the rows and shows the table. Call on the FX thread. */
    @SuppressWarnings("unchecked")
    static PodTable open(Mode mode, ClusterService clusters, String cluster, int expectedRows) {
        FxBatcher batcher = new FxBatcher();
        PodTable t;
        if (mode == Mode.TABLE) {
            FxLiveRows<PodRow> live = FxLiveRows.open(clusters, batcher, cluster, KIND, WatchScope.ALL, r -> { });
            t = new PodTable(mode, live, ResourceTable.create(live.rows(), KIND.columns()), null, expectedRows);
            FxStage.show(t.table);
        } else {
            AtomicReference<FxLiveRows<PodRow>> opened = new AtomicReference<>();
            ViewContext context = viewContext(clusters, cluster, batcher, opened);
            KindTableView<PodRow> view = new KindTableView<>(context, "pods", "Pods", "pods", List.of(KIND), "status");
            FxStage.show(view.node());
            view.activate();
            TableView<PodRow> table = (TableView<PodRow>) view.node().lookup("#pods-table");
            if (table == null || opened.get() == null) {
                throw new IllegalStateException("the Pods view has no #pods-table or did not open live rows");
            }
            t = new PodTable(mode, opened.get(), table, view, expectedRows);
        }
        FxStage.scene().addPostLayoutPulseListener(t.check);
        return t;
    }

    private void checkLoaded() {
        if (live.rows().size() == expectedRows && table.getItems().size() == expectedRows) {
            FxStage.scene().removePostLayoutPulseListener(check);
            FxStage.afterNextFrame(() -> loadedFrame.complete(System.nanoTime()));
        }
    }

    /** Waits (bounded) for {@link #loadedFrame}. */
    long awaitLoadedFrame(int timeoutSeconds) {
        try {
            return loadedFrame.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            int have = FxStage.onFx(() -> live.rows().size());
            throw new IllegalStateException("table did not show " + expectedRows + " rows within " + timeoutSeconds
                    + " s (it has " + have + ", watch status " + live.status().get() + ")", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        FxStage.onFx(() -> {
            FxStage.scene().removePostLayoutPulseListener(check);
            FxStage.clear();
            if (view != null) {
                view.dispose();
            }
            live.close();
        });
    }

    /**
     * The least a view needs, as a proxy so that new SDK methods do not break the benchmark: the cluster, all
     * namespaces, read-only, in-memory settings, and live rows over {@code clusters}. Anything else is unsupported.
     */
    private static ViewContext viewContext(ClusterService clusters, String cluster, FxBatcher batcher,
                                           AtomicReference<FxLiveRows<PodRow>> opened) {
        ReadOnlyStringWrapper active = new ReadOnlyStringWrapper(cluster);
        ReadOnlyStringWrapper namespace = new ReadOnlyStringWrapper("");
        ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(true);
        Map<String, String> stored = new ConcurrentHashMap<>();
        Settings settings = proxy(Settings.class, (p, m, a) -> switch (m.getName()) {
            case "get" -> Optional.ofNullable(stored.get((String) a[0]));
            case "put" -> {
                stored.put((String) a[0], (String) a[1]);
                yield null;
            }
            default -> throw new UnsupportedOperationException("Settings." + m.getName());
        });
        return proxy(ViewContext.class, (p, m, a) -> switch (m.getName()) {
            case "clusters" -> clusters;
            case "activeCluster" -> active.getReadOnlyProperty();
            case "namespace" -> namespace.getReadOnlyProperty();
            case "readOnly" -> readOnly.getReadOnlyProperty();
            case "settings" -> settings;
            case "resourceKinds" -> List.of(KIND);
            case "resourceKind" -> Optional.empty();
            case "liveRows" -> {
                @SuppressWarnings("unchecked")
                ResourceKind<PodRow> kind = (ResourceKind<PodRow>) a[1];
                FxLiveRows<PodRow> live = FxLiveRows.open(clusters, batcher, (String) a[0], kind, (WatchScope) a[2],
                        r -> { });
                opened.set(live);
                yield live;
            }
            default -> throw new UnsupportedOperationException("ViewContext." + m.getName());
        });
    }

    /** A proxy that runs default methods as written and answers Object's methods by identity. */
    static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.isDefault()) {
                return InvocationHandler.invokeDefault(p, m, a);
            }
            if (m.getDeclaringClass() == Object.class) {
                return objectMethod(p, m, a);
            }
            return handler.invoke(p, m, a);
        }));
    }

    private static Object objectMethod(Object p, Method m, Object[] a) {
        return switch (m.getName()) {
            case "equals" -> p == a[0];
            case "hashCode" -> System.identityHashCode(p);
            default -> p.getClass().getSimpleName();
        };
    }
}
