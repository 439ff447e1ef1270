package dev.pilothouse.demo.lab.simulated.promql;

import dev.pilothouse.demo.lab.simulated.promql.Expr.VectorSelector;
import java.util.List;

/** Where the evaluator reads series from. */
public interface SeriesSource {

  /**
   * The points of every series the selector matches with {@code fromExclusive < time <= toInclusive}; series
   * without a point there may be left out.
   */
  List<SeriesPoints> select(VectorSelector selector, long fromExclusive, long toInclusive);
}
