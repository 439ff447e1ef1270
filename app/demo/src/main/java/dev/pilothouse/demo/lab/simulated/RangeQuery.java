package dev.pilothouse.demo.lab.simulated;

import dev.pilothouse.demo.lab.simulated.promql.Evaluator;
import dev.pilothouse.demo.lab.simulated.promql.Expr;
import dev.pilothouse.demo.lab.simulated.promql.Expr.VectorSelector;
import dev.pilothouse.demo.lab.simulated.promql.Labels;
import dev.pilothouse.demo.lab.simulated.promql.PromqlException;
import dev.pilothouse.demo.lab.simulated.promql.SeriesPoints;
import dev.pilothouse.demo.lab.simulated.promql.SeriesSource;
import dev.pilothouse.demo.lab.simulated.promql.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A range query: the expression evaluated at every step from start to end, the results joined per series. Each
 * selector reads the store once for the whole range and later steps slice that, instead of every step searching
 * every series again.
 */
final class RangeQuery {

  /** Prometheus refuses more points per series than this. */
  static final long MAX_POINTS = 11_000;

  private RangeQuery() {
  }

  static List<SeriesPoints> evaluate(Expr expr, SeriesSource store, long start, long end, long step) {
    if (expr.type() != Expr.Type.SCALAR && expr.type() != Expr.Type.INSTANT_VECTOR) {
      throw PromqlException.invalid("invalid expression type \"" + expr.type() + "\" for range query, must be "
          + "Scalar or instant Vector");
    }
    Evaluator evaluator = new Evaluator(new Prefetched(store, end));
    Map<Labels, Points> series = new TreeMap<>();
    for (long t = start; t <= end; t += step) {
      switch (evaluator.evaluate(expr, t)) {
        case Value.Scalar s -> series.computeIfAbsent(Labels.EMPTY, l -> new Points()).add(t, s.value());
        case Value.Vector v -> {
          for (Value.Sample s : v.samples()) {
            series.computeIfAbsent(s.labels(), l -> new Points()).add(t, s.value());
          }
        }
        case Value.Matrix m -> throw new IllegalStateException("a range vector passed the type check");
      }
    }
    List<SeriesPoints> out = new ArrayList<>(series.size());
    series.forEach((labels, points) -> out.add(points.of(labels)));
    return out;
  }

  private static final class Points {
    long[] times = new long[16];
    double[] values = new double[16];
    int size;

    void add(long time, double value) {
      if (size == times.length) {
        times = Arrays.copyOf(times, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      times[size] = time;
      values[size++] = value;
    }

    SeriesPoints of(Labels labels) {
      return new SeriesPoints(labels, Arrays.copyOf(times, size), Arrays.copyOf(values, size));
    }
  }

  /**
   * Reads each selector once, from the first (earliest) window asked for to the query's end, and answers later
   * windows from that. Keyed by the selector node and window length: {@code x} and {@code rate(x[1m])} differ.
   */
  private static final class Prefetched implements SeriesSource {
    private final SeriesSource store;
    private final long end;
    private final Map<VectorSelector, Map<Long, List<SeriesPoints>>> fetched = new IdentityHashMap<>();

    Prefetched(SeriesSource store, long end) {
      this.store = store;
      this.end = end;
    }

    @Override
    public List<SeriesPoints> select(VectorSelector selector, long fromExclusive, long toInclusive) {
      List<SeriesPoints> all = fetched.computeIfAbsent(selector, s -> new java.util.HashMap<>())
          .computeIfAbsent(toInclusive - fromExclusive, w -> store.select(selector, fromExclusive, end));
      List<SeriesPoints> out = new ArrayList<>(all.size());
      for (SeriesPoints s : all) {
        int from = firstAfter(s.times(), fromExclusive);
        int to = firstAfter(s.times(), toInclusive);
        if (from < to) {
          out.add(new SeriesPoints(s.labels(), Arrays.copyOfRange(s.times(), from, to),
              Arrays.copyOfRange(s.values(), from, to)));
        }
      }
      return out;
    }

    private static int firstAfter(long[] times, long time) {
      int index = Arrays.binarySearch(times, time);
      return index >= 0 ? index + 1 : -index - 1;
    }
  }
}
