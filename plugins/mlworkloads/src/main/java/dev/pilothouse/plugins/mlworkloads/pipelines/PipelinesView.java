package dev.pilothouse.plugins.mlworkloads.pipelines;

import dev.pilothouse.plugins.mlworkloads.fleet.FleetListView;
import dev.pilothouse.plugins.mlworkloads.fleet.Located;
import dev.pilothouse.plugins.mlworkloads.fleet.LocatedColumns;
import dev.pilothouse.plugins.mlworkloads.fleet.Product;
import dev.pilothouse.plugins.mlworkloads.fleet.Source;
import dev.pilothouse.plugins.mlworkloads.pipelines.run.RunPage;
import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.ui.View;
import dev.pilothouse.sdk.ui.ViewContext;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code pipelines} view: Argo Workflows and CronWorkflows, Tekton PipelineRuns and TaskRuns, and Kubeflow
 * Pipelines runs, across clusters, in one list with a health filter. Enter opens a run: its graph, step logs, and
 * what changed since the last successful run. A schedule (CronWorkflow) opens in the detail pane.
 */
public final class PipelinesView implements View {

    public static final Product ARGO = Product.of("Argo Workflows", ArgoWorkflows.WORKFLOW, ArgoWorkflows.CRON_WORKFLOW);
    public static final Product TEKTON = Product.of("Tekton Pipelines", TektonRuns.PIPELINE_RUN, TektonRuns.TASK_RUN);

    private final FleetListView<PipelineRow> list;

    public PipelinesView(ViewContext context, List<Action> actions) {
        List<ResourceKind<PipelineRow>> kinds = PipelineKinds.all();
        list = new FleetListView<>(context, "pipelines", "Pipelines", "pipelines", sources(kinds),
                LocatedColumns.of(kinds.getFirst().columns()), "started");
        list.setOnOpen(row -> {
            if (row.row().schedule()) {
                context.ui().showDetail(row.target());
            } else {
                open(context, row, actions);
            }
        });
    }

    /**
     * Every run kind; TaskRuns only when they run alone, since a PipelineRun's TaskRuns are its steps and show in
     * its graph.
     */
    static List<Source<PipelineRow>> sources(List<ResourceKind<PipelineRow>> kinds) {
        List<Source<PipelineRow>> sources = new ArrayList<>();
        for (ResourceKind<PipelineRow> kind : kinds) {
            boolean argo = kind.gvk().group().equals(ArgoWorkflows.WORKFLOW.group());
            WatchScope scope = kind.gvk().sameGroupKind(TektonRuns.TASK_RUN)
                    ? new WatchScope("", "!tekton.dev/pipelineRun") : WatchScope.ALL;
            sources.add(new Source<>(kind, scope, argo ? ARGO : TEKTON, r -> true));
        }
        return sources;
    }

    private void open(ViewContext context, Located<PipelineRow> row, List<Action> actions) {
        list.openPage(new RunPage(context, row, actions, list::closePage));
    }

    /** The list, for tests. */
    public FleetListView<PipelineRow> list() {
        return list;
    }

    @Override
    public Node node() {
        return list.node();
    }

    @Override
    public void activate() {
        list.activate();
    }

    @Override
    public ReadOnlyBooleanProperty ready() {
        return list.ready();
    }

    @Override
    public boolean reveal(dev.pilothouse.sdk.action.ActionTarget target) {
        return list.reveal(target);
    }

    @Override
    public void dispose() {
        list.dispose();
    }
}
