package dev.pilothouse.plugins.mlworkloads.fleet;

import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.cluster.WatchState;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.LiveRows;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.table.BatchList;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of several watches in several clusters as one list of {@link Located} rows, for the pipelines, models and
 * agents lists. Changes of all watches in one frame become one refresh: rows that did not change keep their
 * objects, changed rows are replaced in place and new rows appended, so the sorted table above follows them
 * incrementally and keeps its selection. ML objects number in the hundreds, not the tens of thousands pods do, so a
 * refresh walks all rows.
 *
 * <p>FX thread only.
 *
 * @param <R> row type shared by the sources
 */
public final class FleetRows<R extends Row> implements AutoCloseable {

    /**
     * One watch of one cluster.
     *
     * @param narrowedTo the namespace the watch was narrowed to after the cluster refused all namespaces; empty
     *                   when it watches its source's scope
     */
    private record Part<R extends Row>(String cluster, Source<R> source, LiveRows<R> live,
                                       ListChangeListener<R> listener, String narrowedTo) {
    }

    private final ViewContext context;
    private final List<Source<R>> sources;
    private final BatchList<Located<R>> rows = new BatchList<>();
    private final List<Part<R>> parts = new ArrayList<>();
    private Map<String, Located<R>> shown = new HashMap<>();
    private boolean refreshQueued;
    private Runnable onChange = () -> { };
    private java.util.function.Supplier<String> fallbackNamespace = () -> "";

    public FleetRows(ViewContext context, List<Source<R>> sources) {
        this.context = context;
        this.sources = List.copyOf(sources);
    }

    /** The rows of every cluster shown, unsorted. */
    public ObservableList<Located<R>> rows() {
        return rows;
    }

    /** Called after the rows or a watch's status changed. */
    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Watches the sources in these clusters (and no others). */
    public void show(List<String> clusters) {
        close();
        for (String cluster : clusters) {
            for (Source<R> source : sources) {
                parts.add(watch(cluster, source, source.scope(), ""));
            }
        }
        refresh();
    }

    /**
     * The namespace to fall back to when a cluster refuses to list a kind in all namespaces (a user whose role is
     * bound in one namespace): the shell's namespace filter, read when the refusal arrives.
     */
    public void setFallbackNamespace(java.util.function.Supplier<String> namespace) {
        this.fallbackNamespace = namespace;
    }

    /** Whether some watch was narrowed to one namespace (a change of namespace must then watch again). */
    public boolean narrowed() {
        return parts.stream().anyMatch(p -> !p.narrowedTo().isEmpty());
    }

    private Part<R> watch(String cluster, Source<R> source, WatchScope scope, String narrowedTo) {
        LiveRows<R> live = context.liveRows(cluster, source.kind(), scope);
        ListChangeListener<R> listener = c -> queueRefresh();
        live.rows().addListener(listener);
        Part<R> part = new Part<>(cluster, source, live, listener, narrowedTo);
        // Through the same queue as row changes: a watch reports "synced" before its rows are applied, and
        // whoever looks for a row on that news must see the rows too.
        live.status().addListener((o, a, b) -> {
            if (b.state() == WatchState.FORBIDDEN) {
                narrow(part);
            }
            queueRefresh();
        });
        return part;
    }

    /** Replaces a watch of all namespaces that the cluster refused by one of the fallback namespace. */
    private void narrow(Part<R> refused) {
        String namespace = fallbackNamespace.get();
        int at = parts.indexOf(refused);
        if (at < 0 || namespace == null || namespace.isEmpty() || !refused.source().scope().allNamespaces()
                || !refused.narrowedTo().isEmpty()) {
            return;
        }
        refused.live().rows().removeListener(refused.listener());
        refused.live().close();
        WatchScope scope = new WatchScope(namespace, refused.source().scope().labelSelector());
        parts.set(at, watch(refused.cluster(), refused.source(), scope, namespace));
    }

    /** Whether the watch of a kind in a cluster has listed (synced, or stale with its last rows). */
    public boolean listed(String cluster, dev.pilothouse.sdk.kube.GroupVersionKind gvk) {
        return parts.stream().filter(p -> p.cluster().equals(cluster) && p.source().kind().gvk().sameGroupKind(gvk))
                .anyMatch(p -> switch (p.live().status().get().state()) {
                    case SYNCED, STALE -> true;
                    default -> false;
                });
    }

    /** Where each watch stands, worded for people. */
    public Coverage coverage(String noun) {
        List<Coverage.Watch> watches = parts.stream().map(p -> new Coverage.Watch(p.cluster(), p.source().product(),
                p.source().kind().gvk().kind() + "s", p.live().status().get(), p.narrowedTo())).toList();
        return Coverage.of(watches, noun);
    }

    private void queueRefresh() {
        if (!refreshQueued) {
            refreshQueued = true;
            Platform.runLater(this::refresh);
        }
    }

    private void refresh() {
        refreshQueued = false;
        Map<String, Located<R>> next = new LinkedHashMap<>();
        for (Part<R> part : parts) {
            for (R row : part.live().rows()) {
                if (!part.source().keep().test(row)) {
                    continue;
                }
                String uid = part.cluster() + "/" + row.uid();
                Located<R> before = shown.get(uid);
                // The same row object means nothing changed: keep the wrapper, so the table sees no change either.
                next.putIfAbsent(uid, before != null && before.row() == row ? before
                        : new Located<>(part.cluster(), part.source().kind(), row));
            }
        }
        List<Integer> positions = new ArrayList<>();
        List<Located<R>> values = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Located<R> now = rows.get(i);
            Located<R> then = next.get(now.uid());
            if (then != now) {
                positions.add(i);
                values.add(then);
            }
        }
        rows.replaceOrRemove(positions.stream().mapToInt(Integer::intValue).toArray(), values);
        List<Located<R>> added = next.values().stream().filter(l -> !shown.containsKey(l.uid())).toList();
        if (!added.isEmpty()) {
            rows.addAll(added);
        }
        shown = next;
        onChange.run();
    }

    @Override
    public void close() {
        for (Part<R> part : parts) {
            part.live().rows().removeListener(part.listener());
            part.live().close();
        }
        parts.clear();
        shown = new HashMap<>();
        rows.clear();
    }
}
