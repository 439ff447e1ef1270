package dev.pilothouse.demo.lab.simulated.promql;

/**
 * One series' points in time order, in parallel arrays (a range query reads thousands of them).
 *
 * @param times  epoch milliseconds, ascending
 * @param values the values; NaN marks the series as absent from that time on (Prometheus' stale marker)
 */
public record SeriesPoints(Labels labels, long[] times, double[] values) {

  public int size() {
    return times.length;
  }
}
