package dev.pilothouse.plugins.clusters.kinds;

import dev.pilothouse.plugins.clusters.Fixtures;
import dev.pilothouse.sdk.health.HealthState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PodKindTest {

    @Test
    void aCrashLoopingPodShowsTheWaitingReasonRestartsAndItsLastOomKill() {
        PodRow row = PodKind.project(Fixtures.load("pod-crashloop.json"));
        assertThat(row.status()).isEqualTo("CrashLoopBackOff");
        assertThat(row.ready()).isEqualTo("1/2");
        assertThat(row.restarts()).isEqualTo(14);
        assertThat(row.lastTermination()).isEqualTo("OOMKilled");
        assertThat(row.gpus()).as("GPU limits imply requests").isEqualTo(2);
        assertThat(row.node()).isEqualTo("gpu-node-1");
        assertThat(PodKind.health(row).state()).isEqualTo(HealthState.FAILED);
        assertThat(PodKind.health(row).message()).contains("OOMKilled");
    }

    @Test
    void aReadyRunningPodIsOk() {
        PodRow row = PodKind.project(Fixtures.load("pod-running.json"));
        assertThat(row.status()).isEqualTo("Running");
        assertThat(row.gpus()).isEqualTo(1);
        assertThat(PodKind.health(row).state()).isEqualTo(HealthState.OK);
    }

    @Test
    void aPendingPodIsProgressingAndHasNoNode() {
        PodRow row = PodKind.project(Fixtures.load("pod-pending.json"));
        assertThat(row.node()).isEmpty();
        assertThat(row.created()).isNull();
        assertThat(PodKind.health(row).state()).isEqualTo(HealthState.PROGRESSING);
    }

    @Test
    void aCompletedPodIsOkAndNoLongerHoldsGpus() {
        PodRow row = PodKind.project(Fixtures.load("pod-completed.json"));
        assertThat(row.status()).isEqualTo("Completed");
        assertThat(row.lastTermination()).as("a normal completion is not a termination to report").isEmpty();
        assertThat(row.active()).isFalse();
        assertThat(PodKind.health(row).state()).isEqualTo(HealthState.OK);
    }

    @Test
    void aFailedArgoStepShowsTheFailureNotTheCompletedSidecar() {
        PodRow row = PodKind.project(Fixtures.load("pod-argo-step-failed.json"));
        assertThat(row.status()).isEqualTo("Error");
        assertThat(row.lastTermination()).isEqualTo("Error");
        assertThat(PodKind.health(row).state()).isEqualTo(HealthState.FAILED);
    }

    @Test
    void columnsRenderKubectlLikeText() {
        PodRow row = PodKind.project(Fixtures.load("pod-crashloop.json"));
        var columns = PodKind.kind().columns();
        assertThat(columns).extracting(c -> c.id()).contains("namespace", "name", "ready", "status", "restarts", "node", "age");
        assertThat(columns.stream().filter(c -> c.id().equals("ready")).findFirst().orElseThrow().text(row)).isEqualTo("1/2");
    }
}
