package dev.pilothouse.demo.lab.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilothouse.demo.lab.simulated.promql.Labels;
import org.junit.jupiter.api.Test;

class AlertTemplateTest {

  private static final Labels LABELS = Labels.of("__name__", "x", "model_name", "llama-3-8b", "Hostname", "gpu-1");

  @Test
  void labelsAndValuesAreFilledIn() {
    assertThat(AlertTemplate.expand("{{ $labels.model_name }}: {{ $value }} requests waiting", LABELS, 34))
        .isEqualTo("llama-3-8b: 34 requests waiting");
    assertThat(AlertTemplate.expand("{{$labels.Hostname}} / {{ .Labels.Hostname }}", LABELS, 0))
        .isEqualTo("gpu-1 / gpu-1");
  }

  @Test
  void anAbsentLabelIsEmpty() {
    assertThat(AlertTemplate.expand("[{{ $labels.pod }}]", LABELS, 0)).isEqualTo("[]");
  }

  @Test
  void humanizeUsesSiPrefixesAndHumanizePercentageScales() {
    assertThat(AlertTemplate.expand("{{ $value | humanize }}s", LABELS, 2.61234)).isEqualTo("2.612s");
    assertThat(AlertTemplate.expand("{{ $value | humanizePercentage }}", LABELS, 0.975)).isEqualTo("97.5%");
    assertThat(AlertTemplate.humanize(1500)).isEqualTo("1.5k");
    assertThat(AlertTemplate.humanize(0.25)).isEqualTo("250m");
  }

  @Test
  void whatItDoesNotKnowStaysAsWritten() {
    assertThat(AlertTemplate.expand("for {{ $value | humanizeDuration }} {{ range . }}", LABELS, 3))
        .isEqualTo("for {{ $value | humanizeDuration }} {{ range . }}");
  }
}
