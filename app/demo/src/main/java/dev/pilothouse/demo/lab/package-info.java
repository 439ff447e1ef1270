/**
 * The lab: real Prometheus and Alertmanager servers run as child processes on free loopback ports, for tests and
 * for the demo environment. {@link dev.pilothouse.demo.lab.PrometheusProcess} and
 * {@link dev.pilothouse.demo.lab.AlertmanagerProcess} find the binaries on the PATH, write their configs
 * ({@link dev.pilothouse.demo.lab.PrometheusConfig}, {@link dev.pilothouse.demo.lab.AlertmanagerConfig}, optional
 * HTTPS with {@link dev.pilothouse.demo.lab.WebTls}) and offer the faults tests need: stop, kill, restart. The
 * workloads whose metrics they scrape are {@link dev.pilothouse.demo.lab.LabWorkloads}; when the binaries are missing,
 * {@code lab.simulated} stands in for Prometheus.
 */
@NullMarked
package dev.pilothouse.demo.lab;

import org.jspecify.annotations.NullMarked;
