package dev.pilothouse.demo.lab.simulated.promql;

import dev.pilothouse.demo.lab.simulated.promql.Expr.VectorSelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Series held in memory for evaluator tests, one point per step from a start. */
final class FakeSeries implements SeriesSource {

  private final List<SeriesPoints> all = new ArrayList<>();

  /** Adds a series with {@code values} at {@code start}, {@code start + step}, ... (NaN: a stale marker). */
  FakeSeries add(Labels labels, long start, long step, double... values) {
    long[] times = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      times[i] = start + i * step;
    }
    all.add(new SeriesPoints(labels, times, values.clone()));
    return this;
  }

  @Override
  public List<SeriesPoints> select(VectorSelector selector, long fromExclusive, long toInclusive) {
    List<SeriesPoints> out = new ArrayList<>();
    for (SeriesPoints s : all) {
      if (!selector.matches(s.labels())) {
        continue;
      }
      int from = 0;
      while (from < s.size() && s.times()[from] <= fromExclusive) {
        from++;
      }
      int to = from;
      while (to < s.size() && s.times()[to] <= toInclusive) {
        to++;
      }
      if (from < to) {
        out.add(new SeriesPoints(s.labels(), Arrays.copyOfRange(s.times(), from, to),
            Arrays.copyOfRange(s.values(), from, to)));
      }
    }
    return out;
  }
}
