/**
 * The console's own metrics: watch events, reconnects, queue depths, query latencies, FX pulse times and firing
 * alerts, in a Prometheus Java Client registry that the diagnostics view reads and {@code --metrics-port} serves.
 */
@NullMarked
package dev.pilothouse.core.diagnostics;

import org.jspecify.annotations.NullMarked;
