package dev.pilothouse.demo.lab.simulated;

import dev.pilothouse.demo.lab.LabWorkloads;
import dev.pilothouse.demo.lab.simulated.promql.Evaluator;
import dev.pilothouse.demo.lab.simulated.promql.Expr;
import dev.pilothouse.demo.lab.simulated.promql.Parser;
import dev.pilothouse.demo.lab.simulated.promql.PromqlException;
import dev.pilothouse.demo.lab.simulated.promql.SeriesPoints;
import dev.pilothouse.demo.lab.simulated.promql.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The simulated Prometheus without its HTTP front: it plays the lab's workloads second by second, "scrapes" their
 * registry every {@link #SCRAPE_INTERVAL} into a {@link SeriesStore} holding {@link #RETENTION}, evaluates the
 * rules at each scrape, and answers queries. Time only moves when {@link #advanceTo} is called, so tests can run
 * an hour of the lab in a moment with their own clock. Advancing is serialised; queries may run meanwhile.
 */
final class SimulatedPrometheus {

  static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(5);
  static final Duration RETENTION = Duration.ofHours(2);
  static final String JOB = "ml-workloads";
  static final String INSTANCE = "simulated";

  private final LabWorkloads workloads;
  private final RuleGroups rules;
  private final RegistryScrape scrape = new RegistryScrape(JOB, INSTANCE);
  private final SeriesStore store = new SeriesStore((int) RETENTION.dividedBy(SCRAPE_INTERVAL));
  private final Evaluator evaluator = new Evaluator(store);
  private final long storyStart;
  private final long alertsFrom;
  private long nextSecond;

  /**
   * @param now     when the simulated Prometheus starts: its alerts start pending from here
   * @param history how much history to make up before {@code now} (the workloads' story played from then on)
   */
  SimulatedPrometheus(LabWorkloads workloads, RuleGroups rules, Instant now, Duration history) {
    if (history.isNegative() || history.compareTo(RETENTION) > 0) {
      throw new IllegalArgumentException("history must be between 0 and " + RETENTION + ", got " + history);
    }
    this.workloads = workloads;
    this.rules = rules;
    this.alertsFrom = now.getEpochSecond();
    this.storyStart = alertsFrom - history.toSeconds();
    this.nextSecond = storyStart;
  }

  /**
   * Plays every second up to {@code now}: one workload tick a second, a scrape and a rule evaluation every
   * {@link #SCRAPE_INTERVAL} (on whole multiples of it, as aligned timestamps make range queries line up).
   */
  synchronized void advanceTo(Instant now) {
    long target = now.getEpochSecond();
    if (target - nextSecond > RETENTION.toSeconds()) {
      // Woken after a long sleep: what lies beyond the retention would be dropped at once anyway.
      nextSecond = target - RETENTION.toSeconds();
    }
    while (nextSecond <= target && !Thread.currentThread().isInterrupted()) {
      // Counted before it runs: a second that fails is skipped rather than retried forever.
      step(nextSecond++);
    }
  }

  private void step(long second) {
    workloads.tick(second - storyStart);
    if (second % SCRAPE_INTERVAL.toSeconds() == 0) {
      Instant time = Instant.ofEpochSecond(second);
      store.record(time.toEpochMilli(), scrape.scrape(workloads.registry()));
      rules.evaluate(evaluator, store, time, second >= alertsFrom);
    }
  }

  /** An instant query at {@code time}; throws {@link PromqlException} for bad or unsupported PromQL. */
  Value query(String promql, Instant time) {
    return evaluator.evaluate(Parser.parse(promql), time.toEpochMilli());
  }

  /** A range query: one point per step from start to end inclusive. */
  List<SeriesPoints> queryRange(String promql, Instant start, Instant end, Duration step) {
    Expr expr = Parser.parse(promql);
    if (step.isZero() || step.isNegative()) {
      throw PromqlException.invalid("zero or negative query resolution step widths are not accepted. Try a "
          + "positive integer");
    }
    if (end.isBefore(start)) {
      throw PromqlException.invalid("end timestamp must not be before start time");
    }
    if (Duration.between(start, end).dividedBy(step) > RangeQuery.MAX_POINTS) {
      throw PromqlException.invalid("exceeded maximum resolution of 11,000 points per timeseries. Try decreasing "
          + "the query resolution (?step=XX)");
    }
    return RangeQuery.evaluate(expr, store, start.toEpochMilli(), end.toEpochMilli(), step.toMillis());
  }

  /** The values of a label over the series matching any of the selectors (all series if there are none). */
  List<String> labelValues(String label, List<String> selectors) {
    List<Expr.VectorSelector> parsed = selectors.stream().map(s -> {
      if (!(Parser.parse(s) instanceof Expr.VectorSelector selector)) {
        throw PromqlException.invalid("match[] must be a series selector, got \"" + s + "\"");
      }
      return selector;
    }).toList();
    return store.labelValues(label, parsed);
  }

  List<AlertingRule.Alert> alerts() {
    return rules.alerts();
  }

  List<RuleGroups.GroupStatus> rules() {
    return rules.status();
  }

  String describe() {
    return workloads.describe() + "; " + store.seriesCount() + " series, " + rules.size() + " rules";
  }
}
