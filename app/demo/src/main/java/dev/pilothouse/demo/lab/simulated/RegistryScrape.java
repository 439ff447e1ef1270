package dev.pilothouse.demo.lab.simulated;

import dev.pilothouse.demo.lab.simulated.promql.Labels;
import dev.pilothouse.demo.lab.simulated.promql.Value.Sample;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a registry the way Prometheus sees it after scraping its text exposition: counters get their
 * {@code _total}, classic histograms become cumulative {@code _bucket{le}} series plus {@code _sum} and
 * {@code _count}, and every series gets the target's {@code job} and {@code instance} (a metric's own label of that
 * name is kept as {@code exported_job}/{@code exported_instance}, as without {@code honor_labels}). Adds the
 * target's {@code up}. The lab registers only gauges, counters and histograms; other kinds are skipped. Not
 * thread-safe: one thread scrapes.
 */
final class RegistryScrape {

  /** A series as the registry names it: metric, the client's labels and, for a bucket, its bound. */
  private record SeriesKey(String name, io.prometheus.metrics.model.snapshots.Labels labels, String le) {
  }

  private final String job;
  private final String instance;
  // The same series come back every scrape: building their labels once halves the cost of a scrape.
  private final Map<SeriesKey, Labels> labelsCache = new HashMap<>();

  RegistryScrape(String job, String instance) {
    this.job = job;
    this.instance = instance;
  }

  List<Sample> scrape(PrometheusRegistry registry) {
    List<Sample> samples = new ArrayList<>();
    for (MetricSnapshot metric : registry.scrape()) {
      String name = metric.getMetadata().getPrometheusName();
      switch (metric) {
        case GaugeSnapshot gauge -> gauge.getDataPoints().forEach(p -> samples.add(sample(name, p, p.getValue())));
        case CounterSnapshot counter -> counter.getDataPoints()
            .forEach(p -> samples.add(sample(name + "_total", p, p.getValue())));
        case HistogramSnapshot histogram -> histogram.getDataPoints().forEach(p -> histogram(name, p, samples));
        default -> {
          // not used by the lab
        }
      }
    }
    samples.add(new Sample(Labels.of(Labels.NAME, "up", "job", job, "instance", instance), 1));
    return samples;
  }

  private void histogram(String name, HistogramSnapshot.HistogramDataPointSnapshot point, List<Sample> samples) {
    ClassicHistogramBuckets buckets = point.getClassicBuckets();
    long cumulative = 0;
    for (int i = 0; i < buckets.size(); i++) {
      cumulative += buckets.getCount(i);
      samples.add(sample(name + "_bucket", point, cumulative, le(buckets.getUpperBound(i))));
    }
    samples.add(sample(name + "_count", point, point.getCount()));
    samples.add(sample(name + "_sum", point, point.getSum()));
  }

  /** A bucket bound as the Java client's text format writes it: 0.5, 1.0, +Inf. */
  private static String le(double upperBound) {
    return upperBound == Double.POSITIVE_INFINITY ? "+Inf" : Double.toString(upperBound);
  }

  private Sample sample(String name, DataPointSnapshot point, double value) {
    return sample(name, point, value, "");
  }

  /** @param le the bucket's bound, "" when the series is not a bucket */
  private Sample sample(String name, DataPointSnapshot point, double value, String le) {
    Labels labels = labelsCache.computeIfAbsent(new SeriesKey(name, point.getLabels(), le), this::labels);
    return new Sample(labels, value);
  }

  private Labels labels(SeriesKey key) {
    TreeMap<String, String> labels = new TreeMap<>();
    io.prometheus.metrics.model.snapshots.Labels own = key.labels();
    for (int i = 0; i < own.size(); i++) {
      String label = own.getPrometheusName(i);
      boolean clashes = label.equals("job") || label.equals("instance");
      labels.put(clashes ? "exported_" + label : label, own.getValue(i));
    }
    labels.put("le", key.le());
    labels.put(Labels.NAME, key.name());
    labels.put("job", job);
    labels.put("instance", instance);
    return Labels.of(labels);
  }
}
