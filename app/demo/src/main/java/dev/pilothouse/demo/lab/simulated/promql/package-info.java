/**
 * A small PromQL interpreter for the simulated Prometheus: {@link dev.pilothouse.demo.lab.simulated.promql.Parser}
 * reads the subset the console sends (selectors, numbers, arithmetic and comparisons, vector matching, sum/avg/
 * max/min/count, rate/increase/irate/delta, histogram_quantile, vector, time) and names anything else it meets in
 * its error; {@link dev.pilothouse.demo.lab.simulated.promql.Evaluator} evaluates it at one instant.
 */
@NullMarked
package dev.pilothouse.demo.lab.simulated.promql;

import org.jspecify.annotations.NullMarked;
