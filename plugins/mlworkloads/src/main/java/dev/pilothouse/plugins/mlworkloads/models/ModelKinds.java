package dev.pilothouse.plugins.mlworkloads.models;

import dev.pilothouse.plugins.mlworkloads.MlColumns;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;

import java.util.List;
import java.util.function.Function;

/** The model-serving kinds as one row type, so the models list merges them. */
public final class ModelKinds {

    private ModelKinds() {
    }

    /** The custom resources: InferenceServices, Seldon Models and Seldon Experiments. */
    public static List<ResourceKind<ModelRow>> customResources() {
        return List.of(
                kind(InferenceServices.GVK, InferenceServices::project, "InferenceService", "isvc"),
                kind(SeldonResources.MODEL, SeldonResources::model, "Model (Seldon)", "mlm", "seldonmodel"),
                kind(SeldonResources.EXPERIMENT, SeldonResources::experiment, "Experiment (Seldon)", "mlx"));
    }

    /**
     * Deployments as model rows. Not registered with the host, which resolves a kind by group and kind and already
     * has the clusters plugin's Deployments: the models list uses this kind directly, watching
     * {@link ServingDeployments#labelKeys()}.
     */
    public static ResourceKind<ModelRow> servingDeployments(ServingDeployments recognition) {
        return kind(ServingDeployments.GVK, recognition::project, "Deployment (model serving)");
    }

    private static ResourceKind<ModelRow> kind(GroupVersionKind gvk, Function<KubeObject, ModelRow> projection,
                                               String displayName, String... aliases) {
        return ResourceKind.builder(gvk, projection)
                .displayName(displayName)
                .aliases(aliases)
                .homeView("models")
                .fleetCategory("Models")
                .health(ModelRow::health)
                .column(Column.<ModelRow>builder("kind", "Kind", ModelRow::kind).width(130).build())
                .column(MlColumns.namespace())
                .column(MlColumns.name())
                .column(Column.<ModelRow>builder("model", "Model", ModelRow::model).width(180).build())
                .column(MlColumns.status(ModelRow::health))
                .column(Column.<ModelRow>builder("ready", "Ready", ModelRow::ready)
                        .text(ModelKinds::readyText).align(Column.Align.CENTER).width(72).build())
                .column(Column.<ModelRow>builder("revision", "Revision", ModelRow::latestRevision).width(160).build())
                .column(Column.<ModelRow>builder("canary", "Canary", ModelRow::canaryPercent)
                        .text(r -> r.canary() ? r.canaryPercent() + "%" : "").align(Column.Align.RIGHT).width(70).build())
                .column(Column.<ModelRow>builder("url", "URL", ModelRow::url).width(260).build())
                .column(Column.<ModelRow>builder("failure", "Last failure", ModelRow::lastFailure).width(260).build())
                .build();
    }

    private static String readyText(ModelRow r) {
        if (r.desired() >= 0) {
            return Math.max(0, r.available()) + "/" + r.desired();
        }
        return r.ready() ? "yes" : "no";
    }
}
