package dev.pilothouse.plugins.monitoring.alerts;

import dev.pilothouse.sdk.alerts.Alert;
import dev.pilothouse.sdk.alerts.AlertState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Alerts are grouped per cluster, alertname, namespace and severity, the most severe and oldest first. */
class AlertGroupingTest {

    private static Alert alert(String cluster, String name, String ns, String severity, AlertState state, int minutesAgo,
                               List<String> silencedBy) {
        return new Alert(cluster, Map.of("alertname", name, "namespace", ns, "severity", severity, "pod", "p" + minutesAgo),
                Map.of("summary", name + " summary"), state, Instant.parse("2026-11-23T01:00:00Z").minusSeconds(60L * minutesAgo),
                "1", "fp" + minutesAgo, "", silencedBy, List.of());
    }

    @Test
    void groupsAndOrdersForTriage() {
        List<AlertGroup> groups = AlertGrouping.group(List.of(
                alert("prod", "KVCache", "ml", "warning", AlertState.FIRING, 5, List.of()),
                alert("prod", "TTFT", "ml", "critical", AlertState.FIRING, 2, List.of()),
                alert("prod", "TTFT", "ml", "critical", AlertState.PENDING, 1, List.of("s1")),
                alert("staging", "TTFT", "ml", "critical", AlertState.FIRING, 30, List.of()),
                alert("prod", "Watchdog", "", "none", AlertState.FIRING, 90, List.of())));

        assertThat(groups).extracting(g -> g.cluster() + "/" + g.name())
                .containsExactly("staging/TTFT", "prod/TTFT", "prod/KVCache", "prod/Watchdog");
        AlertGroup ttft = groups.get(1);
        assertThat(ttft.alerts()).hasSize(2);
        assertThat(ttft.stateText()).isEqualTo("1 firing · 1 pending");
        assertThat(ttft.suppressed()).isEqualTo(1);
        assertThat(ttft.allSuppressed()).isFalse();
        assertThat(ttft.since()).isEqualTo(Instant.parse("2026-11-23T00:58:00Z"));
    }
}
