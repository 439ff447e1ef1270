package dev.pilothouse.core.kube;

import io.fabric8.kubernetes.client.Config;

/**
 * Client settings Pilothouse imposes on every context: short connect timeouts so a dead VPN never blocks, no hidden
 * retries (our own backoff decides, so the state shown is honest), and watch reconnects handled by us.
 *
 * @param connectTimeoutMillis TCP/TLS connect timeout
 * @param requestTimeoutMillis timeout of one ordinary request
 */
public record ClientTuning(int connectTimeoutMillis, int requestTimeoutMillis) {

    /** Defaults for interactive use over a VPN. */
    public static ClientTuning interactive() {
        return new ClientTuning(5_000, 20_000);
    }

    void apply(Config config) {
        config.setConnectionTimeout(connectTimeoutMillis);
        config.setRequestTimeout(requestTimeoutMillis);
        config.setRequestRetryBackoffLimit(0);
        config.setWatchReconnectLimit(0);
        config.setWatchReconnectInterval(1_000);
    }
}
