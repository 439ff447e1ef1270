package dev.pilothouse.demo.lab.simulated.promql;

import dev.pilothouse.demo.lab.simulated.promql.Expr.Binary;
import dev.pilothouse.demo.lab.simulated.promql.Expr.Cardinality;
import dev.pilothouse.demo.lab.simulated.promql.Expr.VectorMatching;
import dev.pilothouse.demo.lab.simulated.promql.Value.Sample;
import dev.pilothouse.demo.lab.simulated.promql.Value.Scalar;
import dev.pilothouse.demo.lab.simulated.promql.Value.Vector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A binary operator applied to evaluated operands. Arithmetic and {@code bool} comparisons drop the metric name;
 * a comparison without {@code bool} filters, keeping the left sample as it is. Two vectors pair up by their labels
 * (all but the metric name, or as {@code on}/{@code ignoring} say), one to one unless {@code group_left} or
 * {@code group_right} allow many samples of one side per sample of the other.
 */
final class BinaryEvaluation {

  private final Binary binary;

  private BinaryEvaluation(Binary binary) {
    this.binary = binary;
  }

  static Value apply(Binary binary, Value lhs, Value rhs) {
    BinaryEvaluation evaluation = new BinaryEvaluation(binary);
    if (lhs instanceof Scalar l && rhs instanceof Scalar r) {
      return new Scalar(binary.op().apply(l.value(), r.value()));
    }
    if (lhs instanceof Vector l && rhs instanceof Scalar r) {
      return evaluation.withScalar(l, r.value(), false);
    }
    if (lhs instanceof Scalar l && rhs instanceof Vector r) {
      return evaluation.withScalar(r, l.value(), true);
    }
    return evaluation.vectors((Vector) lhs, (Vector) rhs);
  }

  private boolean dropsMetricName() {
    return !binary.op().comparison() || binary.returnBool();
  }

  private Vector withScalar(Vector vector, double scalar, boolean scalarOnLeft) {
    List<Sample> out = new ArrayList<>();
    for (Sample s : vector.samples()) {
      double l = scalarOnLeft ? scalar : s.value();
      double r = scalarOnLeft ? s.value() : scalar;
      double result = binary.op().apply(l, r);
      if (!binary.op().comparison() || binary.returnBool()) {
        out.add(new Sample(s.labels().withoutMetricName(), result));
      } else if (result == 1) {
        out.add(s);
      }
    }
    return new Vector(out);
  }

  private Vector vectors(Vector lhs, Vector rhs) {
    VectorMatching matching = binary.matching();
    boolean rightIsOne = matching.cardinality() != Cardinality.ONE_TO_MANY;
    List<Sample> many = rightIsOne ? lhs.samples() : rhs.samples();
    Map<Labels, Sample> one = bySignature(rightIsOne ? rhs.samples() : lhs.samples(), rightIsOne ? "right" : "left");
    Set<Labels> manySignatures = new HashSet<>();
    Set<Labels> results = new HashSet<>();
    List<Sample> out = new ArrayList<>();
    for (Sample m : many) {
      Labels signature = matching.signature(m.labels());
      Sample o = one.get(signature);
      if (o == null) {
        continue;
      }
      if (matching.cardinality() == Cardinality.ONE_TO_ONE && !manySignatures.add(signature)) {
        throw PromqlException.invalid("found duplicate series for the match group " + signature + " on the left "
            + "hand-side of the operation; many-to-many matching not allowed: matching labels must be unique on "
            + "one side");
      }
      Sample l = rightIsOne ? m : o;
      Sample r = rightIsOne ? o : m;
      double result = binary.op().apply(l.value(), r.value());
      boolean filters = binary.op().comparison() && !binary.returnBool();
      if (filters && result != 1) {
        continue;
      }
      Labels labels = resultLabels(m.labels(), o.labels());
      if (!results.add(labels)) {
        throw PromqlException.invalid("multiple matches for labels " + labels + ": grouping labels must ensure "
            + "unique matches");
      }
      out.add(new Sample(labels, filters ? l.value() : result));
    }
    return new Vector(out);
  }

  private Map<Labels, Sample> bySignature(List<Sample> samples, String side) {
    Map<Labels, Sample> bySignature = new HashMap<>();
    for (Sample s : samples) {
      Labels signature = binary.matching().signature(s.labels());
      if (bySignature.put(signature, s) != null) {
        throw PromqlException.invalid("found duplicate series for the match group " + signature + " on the " + side
            + " hand-side of the operation; many-to-many matching not allowed: matching labels must be unique on "
            + "one side");
      }
    }
    return bySignature;
  }

  /** The labels of a result: the "many" side's, reduced or extended as the matching says. */
  private Labels resultLabels(Labels many, Labels one) {
    VectorMatching matching = binary.matching();
    Labels labels = dropsMetricName() ? many.withoutMetricName() : many;
    if (matching.cardinality() == Cardinality.ONE_TO_ONE) {
      if (matching.on()) {
        return labels.keep(matching.labels());
      }
      return labels.drop(matching.labels());
    }
    for (String name : matching.include()) {
      labels = labels.with(name, one.get(name));
    }
    return labels;
  }
}
