package dev.pilothouse.demo.lab.simulated.promql;

import dev.pilothouse.demo.lab.simulated.promql.Expr.Type;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The PromQL functions the simulated Prometheus evaluates, with their argument and return types. */
public enum Function {
  RATE(Type.INSTANT_VECTOR, Type.RANGE_VECTOR),
  INCREASE(Type.INSTANT_VECTOR, Type.RANGE_VECTOR),
  IRATE(Type.INSTANT_VECTOR, Type.RANGE_VECTOR),
  DELTA(Type.INSTANT_VECTOR, Type.RANGE_VECTOR),
  AVG_OVER_TIME(Type.INSTANT_VECTOR, Type.RANGE_VECTOR),
  MIN_OVER_TIME(Type.INSTANT_VECTOR, Type.RANGE_VECTOR),
  MAX_OVER_TIME(Type.INSTANT_VECTOR, Type.RANGE_VECTOR),
  HISTOGRAM_QUANTILE(Type.INSTANT_VECTOR, Type.SCALAR, Type.INSTANT_VECTOR),
  VECTOR(Type.INSTANT_VECTOR, Type.SCALAR),
  ABS(Type.INSTANT_VECTOR, Type.INSTANT_VECTOR),
  TIME(Type.SCALAR);

  private final Type returns;
  private final List<Type> parameters;

  Function(Type returns, Type... parameters) {
    this.returns = returns;
    this.parameters = List.of(parameters);
  }

  static Optional<Function> of(String name) {
    for (Function f : values()) {
      if (f.toString().equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  Type returns() {
    return returns;
  }

  List<Type> parameters() {
    return parameters;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
