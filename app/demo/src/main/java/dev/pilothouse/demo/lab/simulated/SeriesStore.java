package dev.pilothouse.demo.lab.simulated;

import dev.pilothouse.demo.lab.simulated.promql.Expr.VectorSelector;
import dev.pilothouse.demo.lab.simulated.promql.Labels;
import dev.pilothouse.demo.lab.simulated.promql.SeriesPoints;
import dev.pilothouse.demo.lab.simulated.promql.SeriesSource;
import dev.pilothouse.demo.lab.simulated.promql.Value.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The simulated Prometheus' time series database: a bounded ring of evaluation times shared by all series (every
 * scrape writes every series at the same instant), and per series a ring of values aligned with it. A series not
 * written at a time holds NaN there, which reads as Prometheus' stale marker: absent from then on. The oldest time
 * is dropped when the ring is full. One thread writes, any number read.
 */
final class SeriesStore implements SeriesSource {

  /** One series' values, aligned with the ring of times. */
  private static final class Series {
    final Labels labels;
    final double[] values;

    Series(Labels labels, int capacity) {
      this.labels = labels;
      this.values = new double[capacity];
      Arrays.fill(values, Double.NaN);
    }
  }

  private final int capacity;
  private final long[] times;
  private int oldest;
  private int size;
  private final Map<Labels, Series> series = new LinkedHashMap<>();
  private final Map<String, List<Series>> byMetricName = new HashMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /** @param capacity how many evaluation times it keeps (2 h at 5 s: 1440) */
  SeriesStore(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be at least 2, got " + capacity);
    }
    this.capacity = capacity;
    this.times = new long[capacity];
  }

  /**
   * Records samples at a time: a later time than the last starts a new slot (every series stale there until
   * written); the last time again adds to its slot (a recording rule's results next to the scrape they read).
   *
   * @throws IllegalArgumentException for a time before the last one
   */
  void record(long time, Collection<Sample> samples) {
    lock.writeLock().lock();
    try {
      int slot = slotFor(time);
      for (Sample s : samples) {
        series.computeIfAbsent(s.labels(), this::newSeries).values[slot] = s.value();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private int slotFor(long time) {
    if (size > 0) {
      long last = times[physical(size - 1)];
      if (time == last) {
        return physical(size - 1);
      }
      if (time < last) {
        throw new IllegalArgumentException("time " + time + " is before the last recorded time " + last);
      }
    }
    if (size == capacity) {
      oldest = (oldest + 1) % capacity;
      size--;
    }
    int slot = physical(size);
    size++;
    times[slot] = time;
    for (Series s : series.values()) {
      s.values[slot] = Double.NaN;
    }
    return slot;
  }

  private Series newSeries(Labels labels) {
    Series created = new Series(labels, capacity);
    byMetricName.computeIfAbsent(labels.metricName(), n -> new ArrayList<>()).add(created);
    return created;
  }

  @Override
  public List<SeriesPoints> select(VectorSelector selector, long fromExclusive, long toInclusive) {
    lock.readLock().lock();
    try {
      int first = firstAfter(fromExclusive);
      int end = firstAfter(toInclusive);
      if (first >= end) {
        return List.of();
      }
      long[] window = new long[end - first];
      for (int k = first; k < end; k++) {
        window[k - first] = times[physical(k)];
      }
      String name = selector.metricName();
      Collection<Series> candidates = name.isEmpty() ? series.values() : byMetricName.getOrDefault(name, List.of());
      List<SeriesPoints> out = new ArrayList<>();
      for (Series s : candidates) {
        if (selector.matches(s.labels)) {
          double[] values = new double[window.length];
          boolean any = false;
          for (int k = first; k < end; k++) {
            values[k - first] = s.values[physical(k)];
            any |= !Double.isNaN(values[k - first]);
          }
          if (any) {
            out.add(new SeriesPoints(s.labels, window, values));
          }
        }
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The logical index (0 = oldest) of the first time after {@code time}; {@code size} if there is none. */
  private int firstAfter(long time) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (times[physical(mid)] <= time) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private int physical(int logical) {
    return (oldest + logical) % capacity;
  }

  /** How many series it holds. */
  int seriesCount() {
    lock.readLock().lock();
    try {
      return series.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The values of a label over all series matching any of the selectors (all series when there are none). */
  List<String> labelValues(String label, List<VectorSelector> selectors) {
    lock.readLock().lock();
    try {
      java.util.TreeSet<String> values = new java.util.TreeSet<>();
      for (Series s : series.values()) {
        if (selectors.isEmpty() || selectors.stream().anyMatch(sel -> sel.matches(s.labels))) {
          String value = s.labels.get(label);
          if (!value.isEmpty()) {
            values.add(value);
          }
        }
      }
      return List.copyOf(values);
    } finally {
      lock.readLock().unlock();
    }
  }
}
