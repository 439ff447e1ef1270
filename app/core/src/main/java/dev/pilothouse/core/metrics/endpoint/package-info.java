/**
 * Reaching one endpoint over HTTP: its {@link dev.pilothouse.core.metrics.endpoint.EndpointConfig} (URL, credentials,
 * TLS, tenant, limits), the {@link dev.pilothouse.core.metrics.endpoint.Transport} that sends requests directly or
 * through the Kubernetes API server's service proxy, and the one failure type,
 * {@link dev.pilothouse.core.metrics.endpoint.EndpointException}. Knows nothing of Prometheus' API.
 */
@NullMarked
package dev.pilothouse.core.metrics.endpoint;

import org.jspecify.annotations.NullMarked;
