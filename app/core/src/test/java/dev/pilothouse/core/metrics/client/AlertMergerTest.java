package dev.pilothouse.core.metrics.client;

import dev.pilothouse.sdk.alerts.Alert;
import dev.pilothouse.sdk.alerts.AlertState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Merging one cluster's Prometheus and Alertmanager alerts. */
class AlertMergerTest {

    private static final Instant ACTIVE = Instant.parse("2026-01-01T00:00:00Z");

    private static PrometheusAlert prometheus(AlertState state, Map<String, String> labels) {
        return new PrometheusAlert(labels, Map.of("summary", "from prometheus"), state, ACTIVE, "0.97");
    }

    private static AlertmanagerAlert alertmanager(String fingerprint, Map<String, String> labels, List<String> silencedBy) {
        return new AlertmanagerAlert(labels, Map.of("summary", "from alertmanager", "runbook_url", "https://r"),
                fingerprint, silencedBy.isEmpty() ? "active" : "suppressed", silencedBy, List.of("f0"),
                ACTIVE.plusSeconds(60), "http://prometheus/graph?g0.expr=x", List.of("null"));
    }

    @Test
    void theSameLabelSetIsOneAlertWithBothSidesFields() {
        Map<String, String> labels = Map.of("alertname", "KVCacheFull", "severity", "warning");

        List<Alert> merged = AlertMerger.merge("prod", List.of(prometheus(AlertState.FIRING, labels)),
                List.of(alertmanager("fp1", labels, List.of("s1"))));

        assertThat(merged).singleElement().satisfies(a -> {
            assertThat(a.cluster()).isEqualTo("prod");
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            assertThat(a.value()).isEqualTo("0.97");
            assertThat(a.activeAt()).isEqualTo(ACTIVE);
            assertThat(a.fingerprint()).isEqualTo("fp1");
            assertThat(a.silencedBy()).containsExactly("s1");
            assertThat(a.inhibitedBy()).containsExactly("f0");
            assertThat(a.generatorUrl()).startsWith("http://prometheus/graph");
            assertThat(a.summary()).isEqualTo("from prometheus");
            assertThat(a.runbookUrl()).isEqualTo("https://r");
        });
    }

    @Test
    void alertmanagerOnlyAlertsCountAsFiring() {
        List<Alert> merged = AlertMerger.merge("prod", List.of(),
                List.of(alertmanager("fp2", Map.of("alertname", "External"), List.of())));

        assertThat(merged).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            assertThat(a.fingerprint()).isEqualTo("fp2");
            assertThat(a.activeAt()).isEqualTo(ACTIVE.plusSeconds(60));
        });
    }

    @Test
    void prometheusOnlyAlertsGetTheFingerprintAlertmanagerWouldGive() {
        Map<String, String> labels = Map.of("alertname", "X", "a", "b");

        List<Alert> merged = AlertMerger.merge("prod", List.of(prometheus(AlertState.PENDING, labels)), List.of());

        assertThat(merged).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.PENDING);
            assertThat(a.fingerprint()).isEqualTo(LabelFingerprint.of(labels));
            assertThat(a.silencedBy()).isEmpty();
        });
    }

    @Test
    void externalLabelsAddedOnTheWayToAlertmanagerStillMatch() {
        Map<String, String> general = Map.of("alertname", "PodDown");
        Map<String, String> specific = Map.of("alertname", "PodDown", "pod", "a");
        List<Alert> merged = AlertMerger.merge("prod",
                List.of(prometheus(AlertState.FIRING, general), prometheus(AlertState.FIRING, specific)),
                List.of(alertmanager("fpGeneral", Map.of("alertname", "PodDown", "prometheus", "monitoring/k8s"), List.of()),
                        alertmanager("fpSpecific", Map.of("alertname", "PodDown", "pod", "a",
                                "prometheus", "monitoring/k8s"), List.of("s"))));

        assertThat(merged).hasSize(2);
        assertThat(merged).filteredOn(a -> a.labels().equals(general)).singleElement()
                .extracting(Alert::fingerprint).isEqualTo("fpGeneral");
        assertThat(merged).filteredOn(a -> a.labels().equals(specific)).singleElement()
                .satisfies(a -> assertThat(a.silencedBy()).containsExactly("s"));
    }

    @Test
    void anAmbiguousSupersetIsNotGuessed() {
        Map<String, String> general = Map.of("alertname", "PodDown");
        List<Alert> merged = AlertMerger.merge("prod", List.of(prometheus(AlertState.FIRING, general)),
                List.of(alertmanager("a", Map.of("alertname", "PodDown", "pod", "a"), List.of()),
                        alertmanager("b", Map.of("alertname", "PodDown", "pod", "b"), List.of())));

        assertThat(merged).hasSize(3);
        assertThat(merged).filteredOn(a -> a.labels().equals(general)).singleElement()
                .extracting(Alert::fingerprint).isEqualTo(LabelFingerprint.of(general));
    }

    @Test
    void firingComesFirstThenByName() {
        List<Alert> merged = AlertMerger.merge("prod",
                List.of(prometheus(AlertState.PENDING, Map.of("alertname", "A")),
                        prometheus(AlertState.FIRING, Map.of("alertname", "C")),
                        prometheus(AlertState.FIRING, Map.of("alertname", "B"))), List.of());

        assertThat(merged).extracting(Alert::name).containsExactly("B", "C", "A");
    }
}
