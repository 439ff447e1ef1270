package dev.pilothouse.plugins.mlworkloads;

import dev.pilothouse.plugins.mlworkloads.agents.AgentKinds;
import dev.pilothouse.plugins.mlworkloads.models.ModelKinds;
import dev.pilothouse.plugins.mlworkloads.models.ModelRow;
import dev.pilothouse.plugins.mlworkloads.models.ServingDeployments;
import dev.pilothouse.plugins.mlworkloads.status.StatusHealth;
import dev.pilothouse.plugins.mlworkloads.pipelines.PipelineKinds;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MlWorkloadsKindsTest {

    private static List<ResourceKind<?>> registered() {
        List<ResourceKind<?>> kinds = new ArrayList<>();
        kinds.addAll(PipelineKinds.all());
        kinds.addAll(ModelKinds.customResources());
        kinds.addAll(AgentKinds.all());
        return kinds;
    }

    @Test
    void registeredKindsAreTheElevenCustomResourcesEachNamedByGroup() {
        List<String> names = registered().stream().map(k -> k.gvk().qualifiedPlural()).toList();
        assertThat(names).containsExactly("workflows.argoproj.io", "cronworkflows.argoproj.io",
                "pipelineruns.tekton.dev", "taskruns.tekton.dev", "inferenceservices.serving.kserve.io",
                "models.mlops.seldon.io", "experiments.mlops.seldon.io", "agents.kagent.dev", "mcpservers.kagent.dev",
                "remotemcpservers.kagent.dev", "mcpservers.toolhive.stacklok.dev");
    }

    @Test
    void theTwoMcpServerKindsAreToldApartByDisplayNameAndAlias() {
        var mcp = registered().stream().filter(k -> k.gvk().kind().equals("MCPServer")).toList();
        assertThat(mcp).extracting(ResourceKind::displayName)
                .containsExactly("MCPServer (kagent)", "MCPServer (ToolHive)");
        assertThat(mcp.get(0).isNamed("kagent-mcp")).isTrue();
        assertThat(mcp.get(1).isNamed("kagent-mcp")).isFalse();
    }

    @Test
    void theUnregisteredServingDeploymentKindRendersAnObjectWithoutStatus() {
        ResourceKind<ModelRow> kind = ModelKinds.servingDeployments(new ServingDeployments());
        ModelRow row = kind.project(KubeObject.of(Map.of("metadata", Map.of("name", "x", "uid", "u-1"))));
        assertThat(kind.health(row).reason()).isEqualTo(StatusHealth.NO_STATUS);
        assertThat(kind.columns()).allSatisfy(c -> assertThat(c.text(row)).isNotNull());
    }

    @Test
    void noRegisteredKindShadowsTheClustersPluginsDeployments() {
        GroupVersionKind deployments = new GroupVersionKind("apps", "v1", "Deployment", "deployments");
        assertThat(registered()).noneMatch(k -> k.gvk().sameGroupKind(deployments));
    }
}
