package dev.pilothouse.demo.lab.simulated.promql;

import java.util.OptionalDouble;

/**
 * The functions over a range of one series' points, computed as Prometheus computes them; in particular rate(),
 * increase() and delta() extrapolate to the range's edges (Prometheus' {@code extrapolatedRate}), so that
 * {@code increase(x[1m])} of a counter that grows by 10 a second is about 600 even though the points do not
 * cover the minute exactly.
 */
final class RangeFunctions {

  private RangeFunctions() {
  }

  /**
   * @param series     the points in (rangeStart, rangeEnd], no stale markers
   * @return the result, or empty when the series has too few points
   */
  static OptionalDouble apply(Function function, SeriesPoints series, long rangeStart, long rangeEnd) {
    double[] v = series.values();
    int n = series.size();
    return switch (function) {
      case RATE -> extrapolatedDelta(series, rangeStart, rangeEnd, true, true);
      case INCREASE -> extrapolatedDelta(series, rangeStart, rangeEnd, true, false);
      case DELTA -> extrapolatedDelta(series, rangeStart, rangeEnd, false, false);
      case IRATE -> n < 2 ? OptionalDouble.empty() : instantRate(series);
      case AVG_OVER_TIME -> n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum(v) / n);
      case MIN_OVER_TIME -> java.util.Arrays.stream(v).min();
      case MAX_OVER_TIME -> java.util.Arrays.stream(v).max();
      default -> throw new IllegalArgumentException(function + " is not a function of a range");
    };
  }

  private static OptionalDouble extrapolatedDelta(SeriesPoints series, long rangeStart, long rangeEnd,
                                                  boolean counter, boolean perSecond) {
    int n = series.size();
    if (n < 2) {
      return OptionalDouble.empty();
    }
    double[] v = series.values();
    long firstT = series.times()[0];
    long lastT = series.times()[n - 1];
    double result = v[n - 1] - v[0];
    if (counter) {
      // A counter that went down was reset (its process restarted): what it had counted before still counts.
      for (int i = 1; i < n; i++) {
        if (v[i] < v[i - 1]) {
          result += v[i - 1];
        }
      }
    }
    double durationToStart = (firstT - rangeStart) / 1000.0;
    double durationToEnd = (rangeEnd - lastT) / 1000.0;
    double sampledInterval = (lastT - firstT) / 1000.0;
    double averageBetweenSamples = sampledInterval / (n - 1);
    // Extrapolate to an edge only if a point was where one was due; else assume the series starts or ends
    // within the range, half an interval beyond its outermost point.
    double threshold = averageBetweenSamples * 1.1;
    if (durationToStart >= threshold) {
      durationToStart = averageBetweenSamples / 2;
    }
    if (counter && result > 0 && v[0] >= 0) {
      // A counter is never negative: do not extrapolate back beyond its zero.
      double durationToZero = sampledInterval * (v[0] / result);
      durationToStart = Math.min(durationToStart, durationToZero);
    }
    if (durationToEnd >= threshold) {
      durationToEnd = averageBetweenSamples / 2;
    }
    double factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval;
    if (perSecond) {
      factor /= (rangeEnd - rangeStart) / 1000.0;
    }
    return OptionalDouble.of(result * factor);
  }

  /** irate(): the per-second rate between the last two points. */
  private static OptionalDouble instantRate(SeriesPoints series) {
    int n = series.size();
    double last = series.values()[n - 1];
    double previous = series.values()[n - 2];
    double seconds = (series.times()[n - 1] - series.times()[n - 2]) / 1000.0;
    if (seconds == 0) {
      return OptionalDouble.empty();
    }
    double delta = last < previous ? last : last - previous;
    return OptionalDouble.of(delta / seconds);
  }

  private static double sum(double[] values) {
    double sum = 0;
    for (double x : values) {
      sum += x;
    }
    return sum;
  }
}
