package dev.pilothouse.demo.lab.simulated.promql;

import java.time.Duration;
import java.util.List;

/** A parsed PromQL expression of the subset the simulated Prometheus evaluates. */
public sealed interface Expr {

  /** What an expression evaluates to. */
  enum Type {
    SCALAR("scalar"), INSTANT_VECTOR("instant vector"), RANGE_VECTOR("range vector");

    private final String text;

    Type(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  Type type();

  /** {@code 0.95}, {@code 1e3}, {@code Inf}. */
  record NumberLiteral(double value) implements Expr {
    @Override
    public Type type() {
      return Type.SCALAR;
    }
  }

  /** {@code name{label="value", ...}}; the name, when written, is a matcher on {@code __name__}. */
  record VectorSelector(List<LabelMatcher> matchers) implements Expr {
    @Override
    public Type type() {
      return Type.INSTANT_VECTOR;
    }

    /** The metric name the selector pins, or "" when it selects by other matchers. */
    public String metricName() {
      return matchers.stream().map(LabelMatcher::exactMetricName).filter(n -> !n.isEmpty()).findFirst().orElse("");
    }

    public boolean matches(Labels labels) {
      for (LabelMatcher m : matchers) {
        if (!m.matches(labels)) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@code selector[5m]}: the samples of the last five minutes. */
  record MatrixSelector(VectorSelector selector, Duration range) implements Expr {
    @Override
    public Type type() {
      return Type.RANGE_VECTOR;
    }
  }

  /** A function call, e.g. {@code rate(x[5m])}. */
  record Call(Function function, List<Expr> arguments) implements Expr {
    @Override
    public Type type() {
      return function.returns();
    }
  }

  /** {@code sum by (a, b) (expr)}, {@code avg without (c) (expr)}, {@code count(expr)}. */
  record Aggregation(AggregationOp op, Grouping grouping, Expr operand) implements Expr {
    @Override
    public Type type() {
      return Type.INSTANT_VECTOR;
    }
  }

  /**
   * Which labels an aggregation keeps: {@code by (labels)} keeps those, {@code without (labels)} all others but
   * the metric name. No clause at all is {@code by ()}: one group.
   */
  record Grouping(List<String> labels, boolean without) {
    static final Grouping ALL = new Grouping(List.of(), false);

    Labels groupOf(Labels series) {
      if (without) {
        return series.drop(labels).withoutMetricName();
      }
      return series.keep(labels);
    }
  }

  /** {@code -expr}. */
  record Negation(Expr operand) implements Expr {
    @Override
    public Type type() {
      return operand.type();
    }
  }

  /**
   * {@code lhs op rhs}.
   *
   * @param returnBool the {@code bool} modifier: a comparison answers 0 or 1 instead of filtering
   * @param matching   how two vectors' samples pair up
   */
  record Binary(BinaryOp op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching) implements Expr {
    @Override
    public Type type() {
      return lhs.type() == Type.SCALAR && rhs.type() == Type.SCALAR ? Type.SCALAR : Type.INSTANT_VECTOR;
    }
  }

  /**
   * How the samples of two vectors pair up: by all labels but the metric name (the default), only {@code on}
   * some, or all but those {@code ignoring}; one to one, or many to one with {@code group_left}/{@code group_right}
   * (copying {@code include} labels from the "one" side).
   */
  record VectorMatching(Cardinality cardinality, List<String> labels, boolean on, List<String> include) {
    static final VectorMatching DEFAULT = new VectorMatching(Cardinality.ONE_TO_ONE, List.of(), false, List.of());

    Labels signature(Labels series) {
      return on ? series.keep(labels) : series.drop(labels).withoutMetricName();
    }
  }

  enum Cardinality {
    ONE_TO_ONE, MANY_TO_ONE, ONE_TO_MANY
  }
}
