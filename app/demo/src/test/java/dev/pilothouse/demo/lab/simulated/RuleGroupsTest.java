package dev.pilothouse.demo.lab.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilothouse.demo.lab.Lab;
import dev.pilothouse.demo.lab.simulated.AlertingRule.Alert;
import dev.pilothouse.demo.lab.simulated.AlertingRule.State;
import dev.pilothouse.demo.lab.simulated.promql.Evaluator;
import dev.pilothouse.demo.lab.simulated.promql.Labels;
import dev.pilothouse.demo.lab.simulated.promql.Value.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleGroupsTest {

  private static final Instant T0 = Instant.ofEpochSecond(1_800_000_000L);
  private static final Labels QUEUE = Labels.of("__name__", "queue", "pod", "vllm-0", "model_name", "llama");
  private static final String RULES = """
      groups:
      - name: test.rules
        rules:
        - alert: Queueing
          expr: queue > 20
          for: 15s
          labels:
            severity: warning
            where: "{{ $labels.pod }}"
          annotations:
            summary: "{{ $labels.model_name }}: {{ $value }} requests waiting"
        - alert: Watchdog
          expr: vector(1)
        - alert: Shifted
          expr: queue offset 5m > 20
        - record: queue:doubled
          expr: queue * 2
      """;

  private final SeriesStore store = new SeriesStore(100);
  private final Evaluator evaluator = new Evaluator(store);
  private final RuleGroups rules = RuleGroups.parse("test.yaml", RULES, Duration.ofSeconds(5));

  private void at(Instant time, double queue, boolean alerting) {
    store.record(time.toEpochMilli(), List.of(new Sample(QUEUE, queue)));
    rules.evaluate(evaluator, store, time, alerting);
  }

  private Alert alert(String name) {
    return rules.alerts().stream().filter(a -> a.labels().get("alertname").equals(name)).findFirst().orElseThrow();
  }

  private Rule.Status status(String name) {
    return rules.status().getFirst().rules().stream().filter(r -> r.definition().name().equals(name)).findFirst()
        .orElseThrow();
  }

  @Test
  void anAlertPendsForItsDurationThenFires() {
    at(T0, 34, true);
    assertThat(alert("Queueing").state()).isEqualTo(State.PENDING);

    at(T0.plusSeconds(10), 35, true);
    assertThat(alert("Queueing").state()).isEqualTo(State.PENDING);

    at(T0.plusSeconds(15), 36, true);
    Alert firing = alert("Queueing");
    assertThat(firing.state()).isEqualTo(State.FIRING);
    assertThat(firing.activeAt()).isEqualTo(T0);
    assertThat(firing.value()).isEqualTo(36);
  }

  @Test
  void anAlertCarriesTheSeriesLabelsTheRulesAndSimulated() {
    at(T0, 34, true);

    Alert alert = alert("Queueing");
    assertThat(alert.labels().asMap()).containsOnly(
        java.util.Map.entry("alertname", "Queueing"), java.util.Map.entry("pod", "vllm-0"),
        java.util.Map.entry("model_name", "llama"), java.util.Map.entry("severity", "warning"),
        java.util.Map.entry("where", "vllm-0"), java.util.Map.entry("simulated", "true"));
    assertThat(alert.annotations()).containsEntry("summary", "llama: 34 requests waiting");
  }

  @Test
  void anAlertWithoutForFiresAtOnce() {
    at(T0, 0, true);

    assertThat(alert("Watchdog").state()).isEqualTo(State.FIRING);
  }

  @Test
  void anAlertWhoseSeriesNoLongerMatchesIsResolved() {
    at(T0, 34, true);
    at(T0.plusSeconds(5), 3, true);

    assertThat(rules.alerts()).extracting(a -> a.labels().get("alertname")).containsExactly("Watchdog");
  }

  @Test
  void noAlertIsRaisedWhileHistoryIsMadeUpButRecordingRulesRecord() {
    at(T0, 34, false);

    assertThat(rules.alerts()).isEmpty();
    assertThat(store.select((dev.pilothouse.demo.lab.simulated.promql.Expr.VectorSelector)
        dev.pilothouse.demo.lab.simulated.promql.Parser.parse("queue:doubled"), 0, T0.toEpochMilli()))
        .singleElement().satisfies(s -> assertThat(s.values()).containsExactly(68));
  }

  @Test
  void aRuleOutsideTheSubsetHasErrHealthAndSaysSo() {
    at(T0, 34, true);

    Rule.Status shifted = status("Shifted");
    assertThat(shifted.health()).isEqualTo("err");
    assertThat(shifted.lastError()).contains("the offset modifier is not supported by the simulated Prometheus");
    assertThat(status("Queueing").health()).isEqualTo("ok");
  }

  @Test
  void aRuleNotYetEvaluatedHasUnknownHealth() {
    assertThat(status("Queueing").health()).isEqualTo("unknown");
  }

  @Test
  void everyRuleOfTheLabIsWithinTheSubset() {
    RuleGroups lab = RuleGroups.parse("lab/rules.yaml", Lab.rules(), Duration.ofSeconds(5));
    lab.evaluate(evaluator, store, T0, true);

    assertThat(lab.status()).flatExtracting(RuleGroups.GroupStatus::rules)
        .hasSizeGreaterThanOrEqualTo(8)
        .allSatisfy(r -> assertThat(r.health()).as(r.definition().name() + ": " + r.lastError()).isEqualTo("ok"));
  }

  @Test
  void aMalformedRuleFileNamesTheFileAndField() {
    assertThatThrownBy(() -> RuleGroups.parse("bad.yaml", "groups:\n- name: g\n  rules:\n  - alert: A\n",
        Duration.ofSeconds(5))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad.yaml: groups[0].rules[0].expr: is missing");
    assertThatThrownBy(() -> RuleGroups.parse("bad.yaml", "groups:\n- name: g\n  rules:\n  - alert: A\n"
        + "    expr: x\n    for: soon\n", Duration.ofSeconds(5)))
        .hasMessageContaining("bad.yaml: groups[0].rules[0].for: 'soon' is not a duration");
  }
}
