package dev.pilothouse.core.kube;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Bounded exponential backoff with jitter: 1 s, 2 s, 4 s ... up to a ceiling, reset on success. */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private int failures;

    public Backoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** The delay before the next attempt, and counts the failure. */
    public synchronized Duration next() {
        long base = Math.min(maxMillis, initialMillis << Math.min(failures, 20));
        failures++;
        // Up to 20 % jitter so many watches of one cluster do not reconnect in lockstep.
        long jitter = (long) (base * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(Math.min(maxMillis, base + jitter));
    }

    public synchronized void reset() {
        failures = 0;
    }

    public synchronized int failures() {
        return failures;
    }
}
