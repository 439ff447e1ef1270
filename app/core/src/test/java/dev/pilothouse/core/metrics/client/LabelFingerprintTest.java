package dev.pilothouse.core.metrics.client;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The fingerprint matches Alertmanager's own (values observed from Alertmanager 0.25). */
class LabelFingerprintTest {

    @Test
    void matchesAlertmanager() {
        assertThat(LabelFingerprint.of(Map.of("alertname", "X", "a", "b"))).isEqualTo("c4fa8262820e0e19");
    }

    @Test
    void theEmptySetHasTheOffsetBasis() {
        assertThat(LabelFingerprint.of(Map.of())).isEqualTo("cbf29ce484222325");
    }

    @Test
    void orderOfInsertionDoesNotMatter() {
        assertThat(LabelFingerprint.of(new java.util.LinkedHashMap<>(Map.of("b", "1", "a", "2"))))
                .isEqualTo(LabelFingerprint.of(new java.util.TreeMap<>(Map.of("a", "2", "b", "1"))));
    }
}
