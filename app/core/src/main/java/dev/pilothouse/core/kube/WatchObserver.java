package dev.pilothouse.core.kube;

/**
 * Hears what the watches do, for the console's own metrics. Called on watch threads, sometimes while a watch holds
 * its lock: implementations must be quick and must not throw.
 */
public interface WatchObserver {

    /** Observes nothing: the default, so the cluster service works the same without metrics. */
    WatchObserver NONE = new WatchObserver() {
        @Override
        public void event(String context, String kind) {
        }

        @Override
        public void reconnect(String context) {
        }
    };

    /**
     * A watch event (added, modified or deleted) arrived.
     *
     * @param kind the kind's qualified plural, e.g. {@code pods} or {@code deployments.apps}
     */
    void event(String context, String kind);

    /** A watch broke (a failure, or its resourceVersion expired) and is about to list again. */
    void reconnect(String context);
}
