package dev.pilothouse.bench;

import dev.pilothouse.plugins.clusters.kinds.PodRow;
import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.cluster.RowBatch;
import dev.pilothouse.sdk.cluster.RowListener;
import dev.pilothouse.sdk.cluster.Subscription;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A cluster service with one watch driven by the benchmark: whoever subscribes (the live rows) receives batches
 * exactly as {@code ListWatch} emits them (one replace batch of every row, then one small batch per event), from
 * one feeding thread, at a fixed rate. The rows bypass the network and projection: this is the store-to-FX path.
 */
final class FeedClusters {

    /** Added pods live until this many newer ones exist (about 2.5 s at 20,000 events/s). */
    static final int LIVE_ADDED = 1_000;

    private volatile RowListener<PodRow> listener;
    final ClusterService service;

    /** What one feeding run did. */
    record Result(long events, long nanos, long maxBehindNanos, int lastUpsertStamp) {
        double perSecond() {
            return events / Figures.seconds(nanos);
        }
    }

    @SuppressWarnings("unchecked")
    FeedClusters() {
        service = PodTable.proxy(ClusterService.class, (p, m, a) -> switch (m.getName()) {
            case "watch" -> {
                listener = (RowListener<PodRow>) a[3];
                yield (Subscription) () -> listener = null;
            }
            case "clusters" -> List.of();
            case "onStatusChange" -> (Subscription) () -> { };
            default -> m.getReturnType() == CompletableFuture.class
                    ? CompletableFuture.failedFuture(new UnsupportedOperationException(m.getName()))
                    : null;
        });
    }

    /** Hands the subscriber the full set (a relist). */
    void replaceAll(List<PodRow> rows) {
        RowListener<PodRow> l = listener;
        if (l == null) {
            throw new IllegalStateException("nobody subscribed");
        }
        l.onBatch(new RowBatch<>(rows, List.of(), true));
    }

    /**
     * Feeds {@code rate} events per second for {@code seconds} on the calling thread, each event one batch: 96%
     * updates of existing pods (new restart count = the event's stamp), 2% new pods, 2% deletes of pods added
     * earlier (the oldest, once {@link #LIVE_ADDED} are alive). Events are due at fixed times; when the feeder
     * falls behind it sends the due ones at once, and
     * latencies count from the due time.
     */
    Result feed(List<PodRow> base, int rate, int seconds, long baseNanos, long firstEvent) {
        RowListener<PodRow> l = listener;
        if (l == null) {
            throw new IllegalStateException("nobody subscribed");
        }
        long period = 1_000_000_000L / rate;
        long total = (long) rate * seconds;
        ArrayDeque<String> added = new ArrayDeque<>();
        long start = System.nanoTime();
        long maxBehind = 0;
        int lastUpsert = 0;
        long k = 0;
        while (k < total) {
            long now = System.nanoTime();
            long dueCount = Math.min(total, (now - start) / period + 1);
            if (dueCount - k > 1) {
                maxBehind = Math.max(maxBehind, now - (start + k * period));
            }
            for (; k < dueCount; k++) {
                long due = start + k * period;
                int stamp = RowLatency.stamp(baseNanos, due);
                long n = firstEvent + k;
                if (n % 50 == 0) {
                    PodRow template = base.get((int) (n % base.size()));
                    String uid = "feed-" + n;
                    l.onBatch(new RowBatch<>(List.of(new PodRow(uid, template.namespace(), "feed-added-" + n,
                            "Pending", "ContainerCreating", 0, 1, stamp, "", template.created(), "", 0)),
                            List.of(), false));
                    added.add(uid);
                    lastUpsert = stamp;
                } else if (n % 50 == 25 && added.size() > LIVE_ADDED) {
                    l.onBatch(new RowBatch<>(List.of(), List.of(added.poll()), false));
                } else {
                    PodRow r = base.get((int) ((n * 7919) % base.size()));
                    l.onBatch(new RowBatch<>(List.of(new PodRow(r.uid(), r.namespace(), r.name(), r.phase(),
                            r.status(), r.readyContainers(), r.containers(), stamp, r.node(), r.created(),
                            r.lastTermination(), r.gpus())), List.of(), false));
                    lastUpsert = stamp;
                }
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
        // Leave the set as it was: delete what this run added.
        while (!added.isEmpty()) {
            l.onBatch(new RowBatch<>(List.of(), List.of(added.poll()), false));
        }
        return new Result(total, System.nanoTime() - start, maxBehind, lastUpsert);
    }
}
