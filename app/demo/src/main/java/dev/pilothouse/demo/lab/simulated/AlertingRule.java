package dev.pilothouse.demo.lab.simulated;

import dev.pilothouse.demo.lab.simulated.promql.Labels;
import dev.pilothouse.demo.lab.simulated.promql.PromqlException;
import dev.pilothouse.demo.lab.simulated.promql.Value.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An alerting rule: every series its expression returns is an alert, pending from the first evaluation that
 * returns it and firing once it has been returned for the rule's {@code for} duration; an alert whose series is
 * no longer returned is resolved and forgotten. Every alert carries {@code simulated="true"}.
 */
final class AlertingRule extends Rule {

  enum State {
    PENDING, FIRING
  }

  /** One active alert, with its labels and annotations expanded from the series that raised it. */
  record Alert(Labels labels, Map<String, String> annotations, State state, Instant activeAt, double value) {
  }

  private Map<Labels, Alert> active = new LinkedHashMap<>();

  AlertingRule(RuleFile.Definition definition) {
    super(definition);
  }

  @Override
  void apply(List<Sample> samples, Instant time, SeriesStore store) {
    Map<Labels, Alert> next = new LinkedHashMap<>();
    Duration hold = definition().forDuration();
    for (Sample s : samples) {
      Labels labels = labels(s);
      if (next.containsKey(labels)) {
        throw PromqlException.invalid("vector contains metrics with the same labelset after applying alert labels");
      }
      Alert previous = active.get(labels);
      Instant activeAt = previous == null ? time : previous.activeAt();
      State state = previous != null && previous.state() == State.FIRING
          || !Duration.between(activeAt, time).minus(hold).isNegative() ? State.FIRING : State.PENDING;
      next.put(labels, new Alert(labels, annotations(s), state, activeAt, s.value()));
    }
    active = next;
  }

  /** The series' labels without its name, then the rule's (templates expanded), alertname and simulated. */
  private Labels labels(Sample s) {
    Labels labels = s.labels().withoutMetricName();
    for (Map.Entry<String, String> e : definition().labels().entrySet()) {
      labels = labels.with(e.getKey(), AlertTemplate.expand(e.getValue(), s.labels(), s.value()));
    }
    return labels.with("alertname", definition().name()).with("simulated", "true");
  }

  private Map<String, String> annotations(Sample s) {
    Map<String, String> out = new LinkedHashMap<>();
    definition().annotations().forEach((k, v) -> out.put(k, AlertTemplate.expand(v, s.labels(), s.value())));
    return out;
  }

  @Override
  List<Alert> alerts() {
    return List.copyOf(active.values());
  }
}
