package dev.pilothouse.demo.lab.simulated.promql;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The aggregation operators the simulated Prometheus evaluates. */
public enum AggregationOp {
  SUM, AVG, MAX, MIN, COUNT, GROUP;

  /** PromQL's aggregation operators outside the subset: parsed only to name them in the error. */
  static final Set<String> UNSUPPORTED = Set.of("stddev", "stdvar", "topk", "bottomk", "quantile", "count_values",
      "limitk", "limit_ratio");

  static Optional<AggregationOp> of(String name) {
    for (AggregationOp op : values()) {
      if (op.name().equalsIgnoreCase(name)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  /** Aggregates the values of one group. */
  double apply(double[] values, int count) {
    return switch (this) {
      case SUM -> {
        double sum = 0;
        for (int i = 0; i < count; i++) {
          sum += values[i];
        }
        yield sum;
      }
      case AVG -> SUM.apply(values, count) / count;
      case MAX -> extreme(values, count, true);
      case MIN -> extreme(values, count, false);
      case COUNT -> count;
      case GROUP -> 1;
    };
  }

  /** Max or min, ignoring NaN unless every value is NaN, as Prometheus does. */
  private static double extreme(double[] values, int count, boolean max) {
    double best = Double.NaN;
    for (int i = 0; i < count; i++) {
      double v = values[i];
      if (!Double.isNaN(v) && (Double.isNaN(best) || (max ? v > best : v < best))) {
        best = v;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
