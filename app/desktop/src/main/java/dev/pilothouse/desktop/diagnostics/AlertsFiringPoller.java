package dev.pilothouse.desktop.diagnostics;

import dev.pilothouse.core.diagnostics.SelfMetrics;
import dev.pilothouse.sdk.alerts.Alert;
import dev.pilothouse.sdk.alerts.AlertService;
import dev.pilothouse.sdk.alerts.AlertState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Keeps {@code pilothouse_alerts_firing} current for every context whether or not an alerts view is open: every
 * period it reads each context's alerts in the background and sets the count; a context whose alerts cannot be read
 * (no endpoint, unreachable, too slow) loses its series, so nobody mistakes an old count for a current one.
 */
public final class AlertsFiringPoller implements AutoCloseable {

    public static final Duration PERIOD = Duration.ofSeconds(15);
    /** Shorter than the period, so one slow endpoint never piles polls up. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger(AlertsFiringPoller.class.getName());

    private final AlertService alerts;
    private final Supplier<List<String>> contexts;
    private final Predicate<String> mayAsk;
    private final SelfMetrics metrics;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("alerts-firing-poller").daemon(true).factory());

    /**
     * @param contexts the contexts to poll
     * @param mayAsk   whether a context may be asked now without side effects the user would notice (a credential
     *                 plugin opening a browser for a context never used); the others count as unknown
     */
    public AlertsFiringPoller(AlertService alerts, Supplier<List<String>> contexts, Predicate<String> mayAsk,
                              SelfMetrics metrics) {
        this.alerts = alerts;
        this.contexts = contexts;
        this.mayAsk = mayAsk;
        this.metrics = metrics;
    }

    /** Polls now-ish and then every period, until closed. */
    public void start(Duration firstDelay, Duration period) {
        timer.scheduleWithFixedDelay(this::pollSafely, firstDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep polling.
            LOG.log(System.Logger.Level.WARNING, "polling firing alerts failed", e);
        }
    }

    /** Reads every context's alerts once; the future completes when every gauge is set. Never fails. */
    CompletableFuture<Void> poll() {
        List<CompletableFuture<Void>> polls = new ArrayList<>();
        for (String context : contexts.get()) {
            if (!mayAsk.test(context)) {
                metrics.alertsUnknown(context);
            } else if (inFlight.add(context)) {
                polls.add(poll(context).whenComplete((v, e) -> inFlight.remove(context)));
            }
        }
        return CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> poll(String context) {
        CompletableFuture<List<Alert>> answer;
        try {
            answer = alerts.alerts(context);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).handle((list, error) -> {
            if (error != null) {
                LOG.log(System.Logger.Level.DEBUG, () -> "alerts of " + context + " unreadable: " + error);
                metrics.alertsUnknown(context);
            } else {
                metrics.alertsFiring(context, (int) list.stream().filter(a -> a.state() == AlertState.FIRING).count());
            }
            return null;
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
