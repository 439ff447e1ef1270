/**
 * Each cluster's Prometheus and Alertmanager: {@link dev.pilothouse.core.metrics.MetricsEndpoints} chooses them
 * (configured, preset or detected), tracks their {@link dev.pilothouse.core.metrics.EndpointStatus} and offers the
 * SDK's metrics and alert services on them. The HTTP layer is in {@code endpoint}, the two APIs in {@code client}.
 */
@NullMarked
package dev.pilothouse.core.metrics;

import org.jspecify.annotations.NullMarked;
