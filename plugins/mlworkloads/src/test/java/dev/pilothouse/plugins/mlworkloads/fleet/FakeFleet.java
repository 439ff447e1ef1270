package dev.pilothouse.plugins.mlworkloads.fleet;

import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.cluster.ConnectionStatus;
import dev.pilothouse.sdk.cluster.WatchState;
import dev.pilothouse.sdk.cluster.WatchStatus;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.settings.Settings;
import dev.pilothouse.sdk.ui.LiveRows;
import dev.pilothouse.sdk.ui.UiServices;
import dev.pilothouse.sdk.ui.ViewContext;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A view context over clusters whose watches the test feeds by hand: rows and status per cluster and kind, settings
 * in memory, and a record of what the view asked the shell to show.
 */
public final class FakeFleet {

    /** One watch: its rows and its status, both changed by the test on the FX thread. */
    public static final class Watch<R extends Row> implements LiveRows<R> {
        private final ObservableList<R> rows = FXCollections.observableArrayList();
        private final ReadOnlyObjectWrapper<WatchStatus> status = new ReadOnlyObjectWrapper<>(WatchStatus.loading());

        @Override
        public ObservableList<R> rows() {
            return rows;
        }

        @Override
        public ReadOnlyObjectProperty<WatchStatus> status() {
            return status.getReadOnlyProperty();
        }

        /** Lists rows as a first sync would. */
        @SafeVarargs
        public final void sync(R... list) {
            rows.setAll(list);
            status.set(new WatchStatus(WatchState.SYNCED, Instant.now(), ""));
        }

        public void state(WatchState state, String message) {
            status.set(new WatchStatus(state, Instant.now(), message));
        }

        @Override
        public void close() {
        }
    }

    private final List<String> clusters;
    private final Map<String, Watch<?>> watches = new ConcurrentHashMap<>();
    public final Map<String, String> settings = new ConcurrentHashMap<>();
    public final List<ActionTarget> detailsShown = new ArrayList<>();
    public final ReadOnlyStringWrapper namespace = new ReadOnlyStringWrapper("");

    public FakeFleet(String... clusters) {
        this.clusters = List.of(clusters);
    }

    /** The watch of a kind in all namespaces of a cluster (the same one the view gets). */
    public <R extends Row> Watch<R> watch(String cluster, ResourceKind<R> kind) {
        return watch(cluster, kind, "");
    }

    /** The watch of a kind in one namespace of a cluster. */
    @SuppressWarnings("unchecked")
    public <R extends Row> Watch<R> watch(String cluster, ResourceKind<R> kind, String namespace) {
        return (Watch<R>) watches.computeIfAbsent(cluster + "/" + kind.gvk().qualifiedPlural() + "/" + namespace,
                k -> new Watch<R>());
    }

    public ViewContext context() {
        Settings store = (Settings) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Settings.class},
                (p, m, a) -> switch (m.getName()) {
                    case "get" -> a.length == 1 ? Optional.ofNullable(settings.get((String) a[0]))
                            : settings.getOrDefault((String) a[0], (String) a[1]);
                    case "getBoolean" -> Boolean.parseBoolean(settings.getOrDefault((String) a[0], String.valueOf(a[1])));
                    case "getInt" -> Integer.parseInt(settings.getOrDefault((String) a[0], String.valueOf(a[1])));
                    case "put" -> {
                        settings.put((String) a[0], (String) a[1]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        ClusterService clusterService = (ClusterService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ClusterService.class}, (p, m, a) -> switch (m.getName()) {
                    case "clusters" -> clusters.stream().map(c -> new ClusterInfo(c, "https://" + c, "",
                            ConnectionStatus.idle(Instant.now()))).toList();
                    case "reconnect" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        UiServices ui = (UiServices) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UiServices.class},
                (p, m, a) -> switch (m.getName()) {
                    case "showDetail" -> {
                        detailsShown.add((ActionTarget) a[0]);
                        yield null;
                    }
                    case "notify" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        ReadOnlyStringWrapper active = new ReadOnlyStringWrapper(clusters.getFirst());
        ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(false);
        return (ViewContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ViewContext.class},
                (p, m, a) -> switch (m.getName()) {
                    case "clusters" -> clusterService;
                    case "activeCluster" -> active.getReadOnlyProperty();
                    case "namespace" -> namespace.getReadOnlyProperty();
                    case "readOnly" -> readOnly.getReadOnlyProperty();
                    case "settings" -> store;
                    case "ui" -> ui;
                    case "liveRows" -> watch((String) a[0], (ResourceKind<?>) a[1],
                            ((dev.pilothouse.sdk.cluster.WatchScope) a[2]).namespace());
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    case "toString" -> "fake fleet";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
