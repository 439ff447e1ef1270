package dev.pilothouse.demo.lab.simulated.promql;

import dev.pilothouse.demo.lab.simulated.promql.Expr.Aggregation;
import dev.pilothouse.demo.lab.simulated.promql.Expr.Binary;
import dev.pilothouse.demo.lab.simulated.promql.Expr.Call;
import dev.pilothouse.demo.lab.simulated.promql.Expr.MatrixSelector;
import dev.pilothouse.demo.lab.simulated.promql.Expr.Negation;
import dev.pilothouse.demo.lab.simulated.promql.Expr.NumberLiteral;
import dev.pilothouse.demo.lab.simulated.promql.Expr.VectorSelector;
import dev.pilothouse.demo.lab.simulated.promql.Value.Matrix;
import dev.pilothouse.demo.lab.simulated.promql.Value.Sample;
import dev.pilothouse.demo.lab.simulated.promql.Value.Scalar;
import dev.pilothouse.demo.lab.simulated.promql.Value.Vector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Evaluates a parsed expression at one instant against a {@link SeriesSource}, with Prometheus' semantics: an
 * instant selector takes each series' latest point of the last five minutes (none if it is a stale marker),
 * aggregations group by labels, arithmetic drops the metric name, comparisons filter.
 */
public final class Evaluator {

  /** How far back an instant selector looks for a series' latest point (Prometheus' default lookback delta). */
  public static final Duration LOOKBACK = Duration.ofMinutes(5);

  private final SeriesSource source;

  public Evaluator(SeriesSource source) {
    this.source = source;
  }

  /**
   * Evaluates at {@code time} (epoch milliseconds).
   *
   * @throws PromqlException when the evaluation fails (duplicate series in a match, for instance)
   */
  public Value evaluate(Expr expr, long time) {
    Value value = eval(expr, time);
    if (value instanceof Vector vector) {
      requireUniqueLabels(vector.samples());
    }
    return value;
  }

  Value eval(Expr expr, long time) {
    return switch (expr) {
      case NumberLiteral n -> new Scalar(n.value());
      case VectorSelector s -> instant(s, time);
      case MatrixSelector m -> new Matrix(range(m, time));
      case Call c -> call(c, time);
      case Aggregation a -> aggregate(a, time);
      case Negation n -> negate(eval(n.operand(), time));
      case Binary b -> BinaryEvaluation.apply(b, eval(b.lhs(), time), eval(b.rhs(), time));
    };
  }

  private Vector instant(VectorSelector selector, long time) {
    List<Sample> samples = new ArrayList<>();
    for (SeriesPoints series : source.select(selector, time - LOOKBACK.toMillis(), time)) {
      if (series.size() == 0) {
        continue;
      }
      double latest = series.values()[series.size() - 1];
      if (!Double.isNaN(latest)) {
        samples.add(new Sample(series.labels(), latest));
      }
    }
    return new Vector(samples);
  }

  /** The selector's points within the range, stale markers left out. */
  private List<SeriesPoints> range(MatrixSelector matrix, long time) {
    List<SeriesPoints> out = new ArrayList<>();
    for (SeriesPoints series : source.select(matrix.selector(), time - matrix.range().toMillis(), time)) {
      int kept = 0;
      long[] times = new long[series.size()];
      double[] values = new double[series.size()];
      for (int i = 0; i < series.size(); i++) {
        if (!Double.isNaN(series.values()[i])) {
          times[kept] = series.times()[i];
          values[kept++] = series.values()[i];
        }
      }
      if (kept > 0) {
        out.add(new SeriesPoints(series.labels(), Arrays.copyOf(times, kept), Arrays.copyOf(values, kept)));
      }
    }
    return out;
  }

  private Value call(Call call, long time) {
    List<Expr> args = call.arguments();
    return switch (call.function()) {
      case VECTOR -> new Vector(List.of(new Sample(Labels.EMPTY, scalar(args.getFirst(), time))));
      case TIME -> new Scalar(time / 1000.0);
      case ABS -> map(vector(args.getFirst(), time), Math::abs);
      case HISTOGRAM_QUANTILE -> new Vector(HistogramQuantile.apply(scalar(args.getFirst(), time),
          vector(args.get(1), time).samples()));
      default -> overRange(call, (MatrixSelector) args.getFirst(), time);
    };
  }

  /** rate(), increase() and the other functions of a range: one sample per series that has enough points. */
  private Vector overRange(Call call, MatrixSelector matrix, long time) {
    List<Sample> samples = new ArrayList<>();
    for (SeriesPoints series : range(matrix, time)) {
      OptionalDouble value = RangeFunctions.apply(call.function(), series, time - matrix.range().toMillis(), time);
      if (value.isPresent()) {
        samples.add(new Sample(series.labels().withoutMetricName(), value.getAsDouble()));
      }
    }
    return new Vector(samples);
  }

  private Vector aggregate(Aggregation aggregation, long time) {
    Map<Labels, List<Double>> groups = new LinkedHashMap<>();
    for (Sample s : vector(aggregation.operand(), time).samples()) {
      groups.computeIfAbsent(aggregation.grouping().groupOf(s.labels()), g -> new ArrayList<>()).add(s.value());
    }
    List<Sample> out = new ArrayList<>(groups.size());
    groups.forEach((group, values) -> {
      double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
      out.add(new Sample(group, aggregation.op().apply(array, array.length)));
    });
    return new Vector(out);
  }

  private static Value negate(Value value) {
    return switch (value) {
      case Scalar s -> new Scalar(-s.value());
      case Vector v -> map(v, x -> -x);
      case Matrix m -> throw PromqlException.invalid("unary minus on a range vector");
    };
  }

  private static Vector map(Vector vector, java.util.function.DoubleUnaryOperator f) {
    List<Sample> out = new ArrayList<>(vector.samples().size());
    for (Sample s : vector.samples()) {
      out.add(new Sample(s.labels().withoutMetricName(), f.applyAsDouble(s.value())));
    }
    return new Vector(out);
  }

  private double scalar(Expr expr, long time) {
    return ((Scalar) eval(expr, time)).value();
  }

  private Vector vector(Expr expr, long time) {
    return (Vector) eval(expr, time);
  }

  private static void requireUniqueLabels(List<Sample> samples) {
    Set<Labels> seen = new HashSet<>();
    for (Sample s : samples) {
      if (!seen.add(s.labels())) {
        throw PromqlException.invalid("vector cannot contain metrics with the same labelset " + s.labels());
      }
    }
  }
}
