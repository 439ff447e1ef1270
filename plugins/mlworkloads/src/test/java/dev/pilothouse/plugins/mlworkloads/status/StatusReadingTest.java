package dev.pilothouse.plugins.mlworkloads.status;

import dev.pilothouse.plugins.mlworkloads.Fixtures;
import dev.pilothouse.sdk.kube.KubeObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusReadingTest {

    @Test
    void aRolloutWhoseObservedGenerationIsAStringBehindTheSpecIsNotCaughtUp() {
        KubeObject rollout = Fixtures.load("argo-rollout-string-generation.yaml");
        assertThat(rollout.get("status", "observedGeneration")).contains("11");
        assertThat(Generations.caughtUp(rollout)).isFalse();
    }

    @ParameterizedTest(name = "observed {0} of generation {1}: caught up {2}")
    @CsvSource({"'12', 12, true", "'13', 12, true", "'11', 12, false", "'', 12, true", "'not-a-number', 12, true"})
    void observedGenerationAsTextIsComparedAsANumber(String observed, long generation, boolean caughtUp) {
        var status = observed.isEmpty() ? Map.<String, Object>of() : Map.<String, Object>of("observedGeneration", observed);
        KubeObject o = KubeObject.of(Map.of("metadata", Map.of("generation", generation), "status", status));
        assertThat(Generations.caughtUp(o)).isEqualTo(caughtUp);
    }

    @Test
    void aConditionWithStatusUnknownReadsAsUnknownNotFalse() {
        KubeObject o = KubeObject.of(Map.of("status", Map.of("conditions",
                List.of(Map.of("type", "Ready", "status", "Unknown", "reason", "Connecting")))));
        Condition ready = Condition.of(o, "Ready").orElseThrow();
        assertThat(ready.status()).isEqualTo(Condition.Status.UNKNOWN);
        assertThat(ready.isFalse()).isFalse();
        assertThat(ready.isTrue()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({"3/7, 3/7", "0/0, 0/0", "'', ?", "three/seven, ?", "12, ?"})
    void argoProgressTextIsParsedOrUnknown(String text, String shown) {
        assertThat(Progress.parse(text).toString()).isEqualTo(shown);
    }

    @Test
    void anEmptyStatusCountsAsNoStatus() {
        assertThat(StatusHealth.hasStatus(KubeObject.of(Map.of("status", Map.of())))).isFalse();
        assertThat(StatusHealth.hasStatus(KubeObject.of(Map.of()))).isFalse();
    }
}
