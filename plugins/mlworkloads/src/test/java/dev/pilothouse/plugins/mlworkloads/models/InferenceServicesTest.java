package dev.pilothouse.plugins.mlworkloads.models;

import dev.pilothouse.plugins.mlworkloads.Fixtures;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.KubeObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InferenceServicesTest {

    @Test
    void aReadyCanaryIsOkWithItsShareUrlAndRevisionAndIgnoresUnknownConditionTypes() {
        ModelRow row = InferenceServices.project(Fixtures.load("kserve-isvc-canary.yaml"));
        assertThat(row.health().state()).isEqualTo(HealthState.OK);
        assertThat(row.health().message()).isEqualTo("canary at 10% on fraud-detector-predictor-00007");
        assertThat(row.ready()).isTrue();
        assertThat(row.canaryPercent()).isEqualTo(10);
        assertThat(row.url()).isEqualTo("http://fraud-detector.models-prod.example.com");
        assertThat(row.latestRevision()).isEqualTo("fraud-detector-predictor-00007");
        assertThat(row.lastFailure()).isEmpty();
    }

    @Test
    void aModelThatFailedToLoadIsFailedWithKServesLastFailure() {
        ModelRow row = InferenceServices.project(Fixtures.load("kserve-isvc-load-failed.yaml"));
        assertThat(row.health().state()).isEqualTo(HealthState.FAILED);
        assertThat(row.health().reason()).isEqualTo("ModelLoadFailed");
        assertThat(row.lastFailure()).isEqualTo("ModelLoadFailed: CUDA out of memory. Tried to allocate 2.00 GiB");
        assertThat(row.ready()).isFalse();
        assertThat(row.canary()).isFalse();
    }

    @Test
    void aFailedNewRevisionBehindAReadyOldOneIsDegraded() {
        ModelRow row = InferenceServices.project(Fixtures.load("kserve-isvc-rollout-failed.yaml"));
        assertThat(row.health().state()).isEqualTo(HealthState.DEGRADED);
        assertThat(row.health().message())
                .isEqualTo("revision recommender-predictor-00005 failed; traffic stays on recommender-predictor-00004");
        assertThat(row.canary()).isFalse();
    }

    @Test
    void readyWithStatusUnknownIsProgressingWithKServesReason() {
        ModelRow row = InferenceServices.project(Fixtures.load("kserve-isvc-ready-unknown.yaml"));
        assertThat(row.health().state()).isEqualTo(HealthState.PROGRESSING);
        assertThat(row.health().reason()).isEqualTo("RevisionMissing");
    }

    @Test
    void aCanaryAskedForInTheSpecShowsBeforeTheStatusSplitsTraffic() {
        KubeObject o = KubeObject.of(Map.of("spec", Map.of("predictor", Map.of("canaryTrafficPercent", 20))));
        assertThat(InferenceServices.canaryPercent(o, KubeObject.of(Map.of()))).isEqualTo(20);
    }

    @Test
    void aSpecBehindTheControllerIsReconcilingWhateverTheConditionsSay() {
        KubeObject o = KubeObject.of(Map.of("metadata", Map.of("generation", 8),
                "status", Map.of("observedGeneration", 7, "conditions",
                        java.util.List.of(Map.of("type", "Ready", "status", "True")))));
        assertThat(InferenceServices.health(o).state()).isEqualTo(HealthState.PROGRESSING);
        assertThat(InferenceServices.health(o).reason()).isEqualTo("Reconciling");
    }
}
