/**
 * The Prometheus HTTP API ({@link dev.pilothouse.core.metrics.client.PrometheusClient}) and Alertmanager's API v2
 * ({@link dev.pilothouse.core.metrics.client.AlertmanagerClient}) over a transport, and
 * {@link dev.pilothouse.core.metrics.client.AlertMerger}, which makes one list of alerts from the two.
 */
@NullMarked
package dev.pilothouse.core.metrics.client;

import org.jspecify.annotations.NullMarked;
