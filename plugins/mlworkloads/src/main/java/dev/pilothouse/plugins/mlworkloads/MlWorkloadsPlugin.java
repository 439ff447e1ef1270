package dev.pilothouse.plugins.mlworkloads;

import dev.pilothouse.plugins.mlworkloads.agents.AgentKinds;
import dev.pilothouse.plugins.mlworkloads.models.ModelKinds;
import dev.pilothouse.plugins.mlworkloads.pipelines.PipelineKinds;
import dev.pilothouse.sdk.Contributions;
import dev.pilothouse.sdk.Permission;
import dev.pilothouse.sdk.Plugin;
import dev.pilothouse.sdk.PluginDescriptor;

/**
 * ML workloads: pipelines, model deployments, agents and MCP servers, each kind with its status mapped to the one
 * health model. For now it contributes only the resource kinds; the views come next (issue 5).
 */
public final class MlWorkloadsPlugin implements Plugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("mlworkloads", "ML workloads", "0.1.0",
                "Argo, Tekton and Kubeflow pipelines, KServe and Seldon models, kagent and ToolHive agents and MCP servers.",
                Permission.READ_CLUSTER);
    }

    @Override
    public void contribute(Contributions c) {
        PipelineKinds.all().forEach(c::resourceKind);
        ModelKinds.customResources().forEach(c::resourceKind);
        AgentKinds.all().forEach(c::resourceKind);
    }
}
