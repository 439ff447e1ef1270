package dev.pilothouse.sdk.cluster;

/** A handle that stops what it was returned for. Closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
