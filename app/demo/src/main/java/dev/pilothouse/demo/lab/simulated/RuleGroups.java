package dev.pilothouse.demo.lab.simulated;

import dev.pilothouse.demo.lab.simulated.promql.Evaluator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The rule groups of a rule file, evaluated together at each evaluation time, each group's rules in order. */
final class RuleGroups {

  /** What /api/v1/rules reports about a group. */
  record GroupStatus(String name, String file, Duration interval, List<Rule.Status> rules,
                     @Nullable Instant lastEvaluation, Duration evaluationTime) {
  }

  private record Group(String name, List<Rule> rules) {
  }

  private final String file;
  private final Duration interval;
  private final List<Group> groups;
  private @Nullable Instant lastEvaluation;
  private Duration evaluationTime = Duration.ZERO;

  private RuleGroups(String file, Duration interval, List<Group> groups) {
    this.file = file;
    this.interval = interval;
    this.groups = groups;
  }

  /**
   * @param file     the rule file's name, for messages and the rules API
   * @param interval how often they are evaluated, for the rules API
   */
  static RuleGroups parse(String file, String yaml, Duration interval) {
    List<Group> groups = new ArrayList<>();
    for (RuleFile.Group group : RuleFile.parse(file, yaml)) {
      groups.add(new Group(group.name(), group.rules().stream().map(Rule::of).toList()));
    }
    return new RuleGroups(file, interval, List.copyOf(groups));
  }

  /**
   * Evaluates every recording rule, and the alerting rules too when {@code alerting} (not while back-filling
   * history: a Prometheus that just started has no alert that has been pending for a while).
   */
  synchronized void evaluate(Evaluator evaluator, SeriesStore store, Instant time, boolean alerting) {
    long started = System.nanoTime();
    for (Group group : groups) {
      for (Rule rule : group.rules()) {
        if (alerting || rule instanceof RecordingRule) {
          rule.evaluate(evaluator, time, store);
        }
      }
    }
    if (alerting) {
      lastEvaluation = time;
      evaluationTime = Duration.ofNanos(System.nanoTime() - started);
    }
  }

  synchronized List<GroupStatus> status() {
    List<GroupStatus> out = new ArrayList<>();
    for (Group group : groups) {
      out.add(new GroupStatus(group.name(), file, interval, group.rules().stream().map(Rule::status).toList(),
          lastEvaluation, evaluationTime));
    }
    return out;
  }

  synchronized List<AlertingRule.Alert> alerts() {
    List<AlertingRule.Alert> out = new ArrayList<>();
    for (Group group : groups) {
      group.rules().forEach(rule -> out.addAll(rule.alerts()));
    }
    return out;
  }

  synchronized int size() {
    return groups.stream().mapToInt(g -> g.rules().size()).sum();
  }
}
