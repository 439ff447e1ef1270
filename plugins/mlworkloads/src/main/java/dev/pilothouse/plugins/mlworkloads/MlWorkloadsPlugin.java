package dev.pilothouse.plugins.mlworkloads;

import dev.pilothouse.plugins.mlworkloads.actions.PipelineActions;
import dev.pilothouse.plugins.mlworkloads.agents.AgentKinds;
import dev.pilothouse.plugins.mlworkloads.models.ModelKinds;
import dev.pilothouse.plugins.mlworkloads.pipelines.PipelineKinds;
import dev.pilothouse.plugins.mlworkloads.pipelines.PipelinesView;
import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.ui.NavSection;
import dev.pilothouse.sdk.ui.SettingsPage;
import dev.pilothouse.sdk.ui.ViewContribution;
import dev.pilothouse.sdk.Contributions;
import dev.pilothouse.sdk.Permission;
import dev.pilothouse.sdk.Plugin;
import dev.pilothouse.sdk.PluginDescriptor;

import java.util.List;

/**
 * ML workloads: pipelines, model deployments, agents and MCP servers, each kind with its status mapped to the one
 * health model.
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
        List<Action> actions = PipelineActions.all();
        actions.forEach(c::action);
        c.view(new ViewContribution("pipelines", "Pipelines", NavSection.ML, "⇶", 10,
                List.of("workflows", "argo", "tekton", "kubeflow", "kfp", "runs", "pipelineruns", "dag"),
                ctx -> new PipelinesView(ctx, actions)));
        c.view(new ViewContribution("models", "Models", NavSection.ML, "◆", 20,
                List.of("inferenceservices", "isvc", "kserve", "seldon", "vllm", "triton", "serving", "canary", "llm"),
                dev.pilothouse.plugins.mlworkloads.models.ModelsView::new));
        c.view(new ViewContribution("agents", "Agents", NavSection.ML, "✺", 30,
                List.of("mcp", "mcpservers", "kagent", "toolhive", "tools", "a2a", "ai agents"),
                dev.pilothouse.plugins.mlworkloads.agents.view.AgentsView::new));
        c.settingsPage(new SettingsPage("mlworkloads.models", "Models", 40,
                dev.pilothouse.plugins.mlworkloads.models.ServingLabelsPage::create));
    }
}
