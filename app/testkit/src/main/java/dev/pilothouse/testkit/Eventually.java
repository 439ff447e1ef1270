package dev.pilothouse.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition with a timeout, the way tests synchronise with asynchronous code: never a fixed sleep that
 * hopes the work is done, always a condition that says it is.
 */
public final class Eventually {

    private Eventually() {
    }

    /** Waits until the condition holds; fails with the description (and the last observed value) on timeout. */
    public static void await(Duration timeout, String description, BooleanSupplier condition) {
        await(timeout, description, condition, () -> "");
    }

    /** As {@link #await(Duration, String, BooleanSupplier)}, describing the observed state when it times out. */
    public static void await(Duration timeout, String description, BooleanSupplier condition, Supplier<String> observed) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 5;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String seen = observed.get();
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting until " + description
                        + (seen.isEmpty() ? "" : "; observed: " + seen));
            }
            try {
                // Polling interval, not synchronisation: the loop ends as soon as the condition holds.
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + description, e);
            }
            pause = Math.min(100, pause * 2);
        }
    }

    /** Waits until {@code value} gives something other than null, and returns it. */
    public static <T> T awaitValue(Duration timeout, String description, Supplier<T> value) {
        Object[] found = new Object[1];
        await(timeout, description, () -> (found[0] = value.get()) != null);
        @SuppressWarnings("unchecked")
        T result = (T) found[0];
        return result;
    }
}
