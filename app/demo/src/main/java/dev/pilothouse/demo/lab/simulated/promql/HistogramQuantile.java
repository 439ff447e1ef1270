package dev.pilothouse.demo.lab.simulated.promql;

import dev.pilothouse.demo.lab.simulated.promql.Value.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code histogram_quantile(q, buckets)} over classic histogram buckets, as Prometheus computes it: the buckets of
 * one series (same labels but {@code le}) are sorted by upper bound, and the quantile is interpolated linearly
 * within the bucket its rank falls in. Needs a {@code +Inf} bucket; the highest finite bound caps the answer.
 */
final class HistogramQuantile {

  private HistogramQuantile() {
  }

  static List<Sample> apply(double q, List<Sample> buckets) {
    Map<Labels, TreeMap<Double, Double>> histograms = new LinkedHashMap<>();
    for (Sample s : buckets) {
      Double upperBound = upperBound(s.labels().get("le"));
      if (upperBound == null) {
        continue; // no or an unreadable le: not a bucket, Prometheus ignores it too
      }
      Labels series = s.labels().drop(List.of("le")).withoutMetricName();
      // Buckets written with the same bound twice (le="1" and le="1.0") add up, as Prometheus coalesces them.
      histograms.computeIfAbsent(series, k -> new TreeMap<>()).merge(upperBound, s.value(), Double::sum);
    }
    List<Sample> out = new ArrayList<>();
    histograms.forEach((labels, counts) -> out.add(new Sample(labels, quantile(q, counts))));
    return out;
  }

  private static @Nullable Double upperBound(String le) {
    if (le.isEmpty()) {
      return null;
    }
    try {
      return switch (le) {
        case "+Inf", "Inf", "inf", "+inf" -> Double.POSITIVE_INFINITY;
        default -> Double.parseDouble(le);
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** @param cumulativeCounts upper bound to cumulative count, ascending */
  static double quantile(double q, TreeMap<Double, Double> cumulativeCounts) {
    if (Double.isNaN(q)) {
      return Double.NaN;
    }
    if (q < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (q > 1) {
      return Double.POSITIVE_INFINITY;
    }
    if (cumulativeCounts.size() < 2 || cumulativeCounts.lastKey() != Double.POSITIVE_INFINITY) {
      return Double.NaN;
    }
    double[] bounds = cumulativeCounts.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    double[] counts = cumulativeCounts.values().stream().mapToDouble(Double::doubleValue).toArray();
    // Rates of cumulative counts can dip by rounding; a dip would make the interpolation go backwards.
    for (int i = 1; i < counts.length; i++) {
      counts[i] = Math.max(counts[i], counts[i - 1]);
    }
    int last = counts.length - 1;
    double observations = counts[last];
    if (observations == 0) {
      return Double.NaN;
    }
    double rank = q * observations;
    int b = 0;
    while (b < last && counts[b] < rank) {
      b++;
    }
    if (b == last) {
      return bounds[last - 1];
    }
    if (b == 0 && bounds[0] <= 0) {
      return bounds[0];
    }
    double bucketStart = 0;
    double bucketEnd = bounds[b];
    double count = counts[b];
    if (b > 0) {
      bucketStart = bounds[b - 1];
      count -= counts[b - 1];
      rank -= counts[b - 1];
    }
    return bucketStart + (bucketEnd - bucketStart) * (rank / count);
  }
}
