package dev.pilothouse.demo.lab.simulated.promql;

import java.util.List;

/** What an expression evaluates to at one instant. */
public sealed interface Value {

  /** A single number without labels. */
  record Scalar(double value) implements Value {
  }

  /** One sample per series. */
  record Vector(List<Sample> samples) implements Value {
  }

  /** Several samples per series: a range selector's result, from a query such as {@code x[5m]}. */
  record Matrix(List<SeriesPoints> series) implements Value {
  }

  /** One series' value at the evaluation time. */
  record Sample(Labels labels, double value) {
  }
}
