package dev.pilothouse.demo.lab.simulated;

import dev.pilothouse.demo.lab.simulated.promql.Evaluator;
import dev.pilothouse.demo.lab.simulated.promql.Expr;
import dev.pilothouse.demo.lab.simulated.promql.Labels;
import dev.pilothouse.demo.lab.simulated.promql.Parser;
import dev.pilothouse.demo.lab.simulated.promql.PromqlException;
import dev.pilothouse.demo.lab.simulated.promql.Value;
import dev.pilothouse.demo.lab.simulated.promql.Value.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One rule of a rule file with its expression parsed once, and how its last evaluation went. A rule whose
 * expression is outside the subset never evaluates: its health is "err" and its last error says why.
 */
abstract sealed class Rule permits AlertingRule, RecordingRule {

  /** What /api/v1/rules reports about a rule. */
  record Status(RuleFile.Definition definition, String health, String lastError, @Nullable Instant lastEvaluation,
                Duration evaluationTime, List<AlertingRule.Alert> alerts) {
  }

  private final RuleFile.Definition definition;
  private final @Nullable Expr expr;
  private final String parseError;
  private @Nullable Instant lastEvaluation;
  private Duration evaluationTime = Duration.ZERO;
  private String lastError = "";

  Rule(RuleFile.Definition definition) {
    this.definition = definition;
    Expr parsed = null;
    String error = "";
    try {
      parsed = Parser.parse(definition.expr());
    } catch (PromqlException e) {
      error = e.unsupported() ? e.construct() + " is not supported by the simulated Prometheus (it evaluates a "
          + "subset of PromQL; install Prometheus for the full language)" : e.getMessage();
    }
    this.expr = parsed;
    this.parseError = error;
  }

  static Rule of(RuleFile.Definition definition) {
    return definition.alerting() ? new AlertingRule(definition) : new RecordingRule(definition);
  }

  RuleFile.Definition definition() {
    return definition;
  }

  /** Evaluates the rule at a time; a failure is recorded as its last error, as Prometheus does. */
  final void evaluate(Evaluator evaluator, Instant time, SeriesStore store) {
    if (expr == null) {
      return;
    }
    long started = System.nanoTime();
    try {
      Value value = evaluator.evaluate(expr, time.toEpochMilli());
      List<Sample> samples = switch (value) {
        case Value.Vector v -> v.samples();
        case Value.Scalar s -> List.of(new Sample(Labels.EMPTY, s.value()));
        case Value.Matrix m -> throw PromqlException.invalid("rule result is a range vector, not a vector");
      };
      apply(samples, time, store);
      lastError = "";
    } catch (PromqlException e) {
      lastError = e.getMessage();
    } catch (RuntimeException e) {
      // A bug in the simulation must not stop the other rules: report it on this one, as Prometheus would.
      lastError = "the simulated Prometheus failed to evaluate the rule: " + e;
    }
    lastEvaluation = time;
    evaluationTime = Duration.ofNanos(System.nanoTime() - started);
  }

  /** What the rule does with its expression's result. */
  abstract void apply(List<Sample> samples, Instant time, SeriesStore store);

  List<AlertingRule.Alert> alerts() {
    return List.of();
  }

  final Status status() {
    String error = !parseError.isEmpty() ? parseError : lastError;
    String health = !error.isEmpty() ? "err" : lastEvaluation == null ? "unknown" : "ok";
    return new Status(definition, health, error, lastEvaluation, evaluationTime, alerts());
  }
}
