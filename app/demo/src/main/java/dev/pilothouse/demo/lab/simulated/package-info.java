/**
 * The demo's monitoring without Prometheus: {@link dev.pilothouse.demo.lab.simulated.SimulatedLab} feeds the
 * lab's workloads into an in-process, simulated Prometheus (a bounded series store, a PromQL subset, the lab's
 * rules) behind the part of Prometheus' HTTP API the console uses. Used when the real servers are not on the PATH.
 */
@NullMarked
package dev.pilothouse.demo.lab.simulated;

import org.jspecify.annotations.NullMarked;
