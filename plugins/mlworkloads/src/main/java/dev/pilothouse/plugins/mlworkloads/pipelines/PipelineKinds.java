package dev.pilothouse.plugins.mlworkloads.pipelines;

import dev.pilothouse.plugins.mlworkloads.MlColumns;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.ui.kit.Formats;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The pipeline kinds as one row type, so the pipelines list merges them. Kubeflow Pipelines runs are not a kind of
 * their own: they are Workflows (or PipelineRuns) whose engine reads KFP.
 */
public final class PipelineKinds {

    private PipelineKinds() {
    }

    /** Workflows, CronWorkflows, PipelineRuns and TaskRuns, in that order. */
    public static List<ResourceKind<PipelineRow>> all() {
        return List.of(
                kind(ArgoWorkflows.WORKFLOW, ArgoWorkflows::workflow, "wf"),
                kind(ArgoWorkflows.CRON_WORKFLOW, ArgoWorkflows::cronWorkflow, "cwf"),
                kind(TektonRuns.PIPELINE_RUN, TektonRuns::pipelineRun, "pr"),
                kind(TektonRuns.TASK_RUN, TektonRuns::taskRun, "tr"));
    }

    /**
     * Whether the fleet counts the kind's unhealthy objects: not TaskRuns, which mostly belong to a PipelineRun
     * that is counted already (the fleet watches whole kinds and cannot leave a PipelineRun's own TaskRuns out).
     */
    private static boolean countedOnTheFleet(GroupVersionKind gvk) {
        return !gvk.sameGroupKind(TektonRuns.TASK_RUN);
    }

    private static ResourceKind<PipelineRow> kind(GroupVersionKind gvk, Function<KubeObject, PipelineRow> projection,
                                                  String alias) {
        ResourceKind.Builder<PipelineRow> builder = ResourceKind.builder(gvk, projection);
        if (countedOnTheFleet(gvk)) {
            builder.fleetCategory("Pipelines");
        }
        return builder
                .aliases(alias)
                .homeView("pipelines")
                .health(PipelineRow::health)
                .column(Column.<PipelineRow>builder("engine", "Engine", r -> r.engine().label()).width(90).build())
                .column(Column.<PipelineRow>builder("kind", "Kind", PipelineRow::kind).width(105).build())
                .column(MlColumns.namespace())
                .column(MlColumns.name())
                .column(Column.<PipelineRow>builder("run", "Run", PipelineRow::runName).width(150).build())
                .column(MlColumns.status(PipelineRow::health))
                .column(Column.<PipelineRow>builder("progress", "Progress", PipelineRow::progress)
                        .text(r -> r.progress() == null ? "" : r.progress().toString())
                        .comparator(Comparator.comparingDouble(r -> r.progress() == null ? -2 : r.progress().fraction()))
                        .align(Column.Align.CENTER).width(90).build())
                .column(MlColumns.since("started", "Started", PipelineRow::started))
                .column(Column.<PipelineRow>builder("duration", "Duration", r -> r.duration(Instant.now()))
                        .text(r -> text(r.duration(Instant.now())))
                        .comparator(Comparator.comparing(r -> r.duration(Instant.now()),
                                Comparator.nullsFirst(Comparator.naturalOrder())))
                        .align(Column.Align.RIGHT).width(90).build())
                .build();
    }

    private static String text(Duration d) {
        return d == null ? "" : Formats.duration(d);
    }
}
