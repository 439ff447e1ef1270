package dev.pilothouse.plugins.mlworkloads.models;

import dev.pilothouse.plugins.mlworkloads.Fixtures;
import dev.pilothouse.sdk.health.HealthState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeldonResourcesTest {

    @Test
    void aReadyModelMissingAReplicaIsDegradedEvenWithAStringObservedGeneration() {
        ModelRow row = SeldonResources.model(Fixtures.load("seldon-model-ready.yaml"));
        assertThat(row.ready()).isTrue();
        assertThat(row.available()).isEqualTo(1);
        assertThat(row.desired()).isEqualTo(2);
        assertThat(row.health().state()).isEqualTo(HealthState.DEGRADED);
        assertThat(row.health().reason()).isEqualTo("1 of 2 available");
    }

    @Test
    void aModelThatCouldNotBeScheduledIsFailedWithSeldonsMessage() {
        ModelRow row = SeldonResources.model(Fixtures.load("seldon-model-failed.yaml"));
        assertThat(row.health().state()).isEqualTo(HealthState.FAILED);
        assertThat(row.health().reason()).isEqualTo("ScheduleFailed");
        assertThat(row.lastFailure()).startsWith("ScheduleFailed: failed to schedule model tfsimple-large");
    }

    @Test
    void anExperimentShowsItsDefaultModelAndTheCandidatesShareAsCanary() {
        ModelRow row = SeldonResources.experiment(Fixtures.load("seldon-experiment.yaml"));
        assertThat(row.model()).isEqualTo("iris");
        assertThat(row.canaryPercent()).isEqualTo(25);
        assertThat(row.health().state()).isEqualTo(HealthState.OK);
    }
}
