package dev.pilothouse.demo.lab.simulated;

import dev.pilothouse.demo.lab.simulated.promql.Labels;
import dev.pilothouse.demo.lab.simulated.promql.Value.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A recording rule: its results become series named after it, next to the scrape they were computed from. */
final class RecordingRule extends Rule {

  RecordingRule(RuleFile.Definition definition) {
    super(definition);
  }

  @Override
  void apply(List<Sample> samples, Instant time, SeriesStore store) {
    List<Sample> recorded = new ArrayList<>(samples.size());
    for (Sample s : samples) {
      Labels labels = s.labels().with(Labels.NAME, definition().name());
      for (Map.Entry<String, String> e : definition().labels().entrySet()) {
        labels = labels.with(e.getKey(), e.getValue());
      }
      recorded.add(new Sample(labels, s.value()));
    }
    store.record(time.toEpochMilli(), recorded);
  }
}
