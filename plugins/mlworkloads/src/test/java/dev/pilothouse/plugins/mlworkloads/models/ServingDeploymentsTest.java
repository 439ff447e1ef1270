package dev.pilothouse.plugins.mlworkloads.models;

import dev.pilothouse.plugins.mlworkloads.Fixtures;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.KubeObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServingDeploymentsTest {

    @Test
    void theFirstListedLabelNamesTheModelAndTheVersionLabelTheRevision() {
        ModelRow row = new ServingDeployments().project(Fixtures.load("deployment-vllm.yaml"));
        assertThat(row.model()).isEqualTo("Llama-3.1-70B-Instruct");
        assertThat(row.latestRevision()).isEqualTo("0.6.3");
        assertThat(row.available()).isEqualTo(2);
        assertThat(row.desired()).isEqualTo(3);
        assertThat(row.health().state()).isEqualTo(HealthState.DEGRADED);
    }

    @Test
    void theLabelListIsConfigurableAndItsOrderDecides() {
        var serverFirst = new ServingDeployments(List.of("ai.gke.io/inference-server", "ai.gke.io/model"));
        assertThat(serverFirst.modelName(Fixtures.load("deployment-vllm.yaml"))).contains("vllm");
    }

    @Test
    void aDeploymentWithoutAnyListedLabelServesNoModel() {
        KubeObject plain = KubeObject.of(Map.of("metadata", Map.of("name", "web",
                "labels", Map.of("app.kubernetes.io/name", "web"))));
        assertThat(new ServingDeployments().serves(plain)).isFalse();
        assertThat(new ServingDeployments().project(plain).model()).isEmpty();
    }

    @Test
    void anEmptyLabelListIsRefusedWithAReason() {
        assertThatThrownBy(() -> new ServingDeployments(List.of()))
                .hasMessageContaining("at least one label key");
    }
}
