package dev.pilothouse.plugins.clusters.logs;

import dev.pilothouse.sdk.ui.kit.log.LogPane;

import dev.pilothouse.plugins.clusters.detail.RelatedSelectors;
import dev.pilothouse.plugins.clusters.kinds.DeploymentKind;
import dev.pilothouse.plugins.clusters.kinds.PodKind;
import dev.pilothouse.plugins.clusters.kinds.WorkloadKinds;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.ui.DetailContext;
import dev.pilothouse.sdk.ui.DetailSection;
import dev.pilothouse.sdk.ui.kit.StatePane;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Logs of a pod, or of every pod of a workload merged (at most {@value #MAX_PODS} pods). */
public final class LogsSection implements DetailSection {

    static final int MAX_PODS = 12;

    @Override
    public String id() {
        return "clusters.logs";
    }

    @Override
    public String title() {
        return "Logs";
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public boolean appliesTo(GroupVersionKind gvk) {
        return gvk.sameGroupKind(PodKind.GVK) || gvk.sameGroupKind(DeploymentKind.GVK)
                || gvk.sameGroupKind(WorkloadKinds.STATEFUL_SET) || gvk.sameGroupKind(WorkloadKinds.DAEMON_SET)
                || gvk.sameGroupKind(WorkloadKinds.JOB);
    }

    @Override
    public Node create(DetailContext context) {
        StackPane holder = new StackPane();
        StatePane state = new StatePane(holder);
        state.showLoading("Finding containers…");
        String cluster = context.target().cluster();
        String namespace = context.target().namespace();
        CompletableFuture<List<KubeObject>> pods = context.object().thenCompose(o -> {
            if (o.kind().equals("Pod")) {
                return CompletableFuture.completedFuture(List.of(o));
            }
            String selector = RelatedSelectors.selectorOf(o);
            return selector == null ? CompletableFuture.completedFuture(List.<KubeObject>of())
                    : context.view().clusters().list(cluster, PodKind.GVK, new WatchScope(namespace, selector));
        });
        pods.whenComplete((list, error) -> Platform.runLater(() -> {
            if (error != null) {
                state.showError("Could not find the pods", String.valueOf(error.getMessage()), null);
                return;
            }
            if (list.isEmpty()) {
                state.showEmpty("No pods", "This object has no pods to read logs from.");
                return;
            }
            List<LogPane.Source> sources = list.stream().limit(MAX_PODS).map(p -> new LogPane.Source(p.namespace(), p.name(),
                    p.objects("spec", "containers").stream().map(c -> c.string("name")).toList())).toList();
            holder.getChildren().setAll(new LogPane(context.view(), cluster, sources,
                    context.view().settings().getInt("logs.maxLines", LogPane.DEFAULT_MAX_LINES)));
            state.showContent();
        }));
        return state;
    }
}
