/** Prometheus-compatible metrics of each cluster, as plugins and runbook steps see them. */
package dev.pilothouse.sdk.metrics;
