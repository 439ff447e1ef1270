package dev.pilothouse.core.metrics;

import dev.pilothouse.core.metrics.EndpointStatus.State;
import dev.pilothouse.core.metrics.endpoint.EndpointException;
import dev.pilothouse.sdk.cluster.Subscription;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The status of every cluster's endpoints. Listeners hear of changes of state, endpoint or error; a success while
 * already live only moves {@code lastSuccess} (it happens on every query, and nobody needs an event for it).
 */
final class StatusBoard {

    private static final Logger LOG = LoggerFactory.getLogger(StatusBoard.class);

    private record Key(String cluster, EndpointKind kind) {
    }

    private final Clock clock;
    private final Map<Key, EndpointStatus> statuses = new ConcurrentHashMap<>();
    private final List<Consumer<EndpointStatus>> listeners = new CopyOnWriteArrayList<>();

    StatusBoard(Clock clock) {
        this.clock = clock;
    }

    EndpointStatus get(String cluster, EndpointKind kind) {
        return statuses.getOrDefault(new Key(cluster, kind),
                new EndpointStatus(cluster, kind, State.UNKNOWN, null, "", clock.instant(), null, "", null));
    }

    List<EndpointStatus> all() {
        List<EndpointStatus> all = new ArrayList<>(statuses.values());
        all.sort(Comparator.comparing(EndpointStatus::cluster).thenComparing(EndpointStatus::kind));
        return all;
    }

    Subscription listen(Consumer<EndpointStatus> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** Nothing is known of the endpoint any more (its configuration was removed). */
    void forget(String cluster, EndpointKind kind) {
        if (statuses.remove(new Key(cluster, kind)) != null) {
            EndpointStatus unknown = get(cluster, kind);
            for (Consumer<EndpointStatus> listener : listeners) {
                try {
                    listener.accept(unknown);
                } catch (RuntimeException e) {
                    // a listener's failure must not stop the others, as in update
                }
            }
        }
    }

    void detecting(String cluster, EndpointKind kind) {
        update(cluster, kind, s -> s.known() ? s
                : new EndpointStatus(cluster, kind, State.DETECTING, null, "", clock.instant(), null, "", null));
    }

    void notFound(String cluster, EndpointKind kind, String reason) {
        update(cluster, kind, s -> new EndpointStatus(cluster, kind, State.NOT_CONFIGURED, null, "",
                s.state() == State.NOT_CONFIGURED && s.lastError().equals(reason) ? s.since() : clock.instant(),
                null, reason, null));
    }

    /** The endpoint in use is (now) this one; a different endpoint starts over as idle. */
    void chosen(String cluster, EndpointKind kind, EndpointOrigin origin, String url) {
        update(cluster, kind, s -> s.known() && s.url().equals(url) && s.origin() == origin ? s
                : new EndpointStatus(cluster, kind, State.IDLE, origin, url, clock.instant(), null, "", null));
    }

    void success(String cluster, EndpointKind kind, EndpointOrigin origin, String url) {
        Instant now = clock.instant();
        update(cluster, kind, s -> {
            boolean same = s.url().equals(url);
            Instant since = s.state() == State.LIVE && same ? s.since() : now;
            return new EndpointStatus(cluster, kind, State.LIVE, origin, url, since, now, "", null);
        });
    }

    void failure(String cluster, EndpointKind kind, EndpointOrigin origin, String url, EndpointException error) {
        Instant now = clock.instant();
        update(cluster, kind, s -> {
            boolean same = s.url().equals(url);
            Instant since = s.state() == State.FAILING && same ? s.since() : now;
            return new EndpointStatus(cluster, kind, State.FAILING, origin, url, since, same ? s.lastSuccess() : null,
                    error.getMessage(), error.kind());
        });
    }

    private void update(String cluster, EndpointKind kind, UnaryOperator<EndpointStatus> change) {
        Key key = new Key(cluster, kind);
        EndpointStatus[] before = new EndpointStatus[1];
        EndpointStatus after = statuses.compute(key, (k, old) -> {
            EndpointStatus current = old == null ? get(cluster, kind) : old;
            before[0] = current;
            return change.apply(current);
        });
        if (significant(before[0], after)) {
            for (Consumer<EndpointStatus> listener : listeners) {
                try {
                    listener.accept(after);
                } catch (RuntimeException e) {
                    LOG.warn("an endpoint status listener failed on {}", after, e);
                }
            }
        }
    }

    private static boolean significant(@Nullable EndpointStatus before, EndpointStatus after) {
        return before == null || before.state() != after.state() || !before.url().equals(after.url())
                || !before.lastError().equals(after.lastError()) || before.origin() != after.origin();
    }
}
