package dev.pilothouse.plugins.clusters.detail;

import dev.pilothouse.plugins.clusters.kinds.EventKind;
import dev.pilothouse.plugins.clusters.kinds.PodKind;
import dev.pilothouse.plugins.clusters.kinds.PodRow;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.ui.DetailContext;
import dev.pilothouse.sdk.ui.DetailSection;
import dev.pilothouse.sdk.ui.kit.Formats;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** The pods an object selects (workloads, services) and the events about it, newest warnings first. */
public final class RelatedSection implements DetailSection {

    @Override
    public String id() {
        return "clusters.related";
    }

    @Override
    public String title() {
        return "Pods & events";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean appliesTo(GroupVersionKind gvk) {
        return !gvk.sameGroupKind(EventKind.GVK);
    }

    /** What was found: the selected pods (null when the object selects none) and its events. */
    record Related(List<KubeObject> pods, List<KubeObject> events) {
    }

    @Override
    public Node create(DetailContext context) {
        String cluster = context.target().cluster();
        String namespace = context.target().namespace();
        var clusters = context.view().clusters();
        CompletableFuture<Related> related = context.object().thenCompose(o -> {
            String selector = selectorOf(o);
            CompletableFuture<List<KubeObject>> pods = selector == null
                    ? CompletableFuture.completedFuture(null)
                    : clusters.list(cluster, PodKind.GVK, new WatchScope(namespace, selector));
            CompletableFuture<List<KubeObject>> events = clusters.list(cluster, EventKind.GVK, WatchScope.namespace(namespace))
                    .thenApply(all -> all.stream().filter(e -> concerns(e, o)).toList());
            return pods.thenCombine(events, Related::new);
        });
        return Sections.async(related, "Finding related pods and events…", r -> render(context, r));
    }

    /** The label selector of a workload or service, as text; null when the object selects no pods. */
    static String selectorOf(KubeObject o) {
        Map<String, String> labels = o.stringMap("spec", "selector", "matchLabels");
        if (labels.isEmpty() && o.kind().equals("Service")) {
            labels = o.stringMap("spec", "selector");
        }
        if (labels.isEmpty() && o.kind().equals("Job")) {
            labels = o.stringMap("spec", "template", "metadata", "labels");
        }
        if (labels.isEmpty()) {
            return null;
        }
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(","));
    }

    static boolean concerns(KubeObject event, KubeObject object) {
        String uid = event.string("involvedObject", "uid");
        if (!uid.isEmpty() && uid.equals(object.uid())) {
            return true;
        }
        return event.string("involvedObject", "kind").equals(object.kind())
                && event.string("involvedObject", "name").equals(object.name());
    }

    private static Node render(DetailContext context, Related r) {
        VBox box = new VBox(6);
        box.setId("related");
        if (r.pods() != null) {
            box.getChildren().add(Sections.heading("Pods (" + r.pods().size() + ")"));
            if (r.pods().isEmpty()) {
                box.getChildren().add(Sections.muted("The selector matches no pod."));
            }
            for (KubeObject pod : r.pods()) {
                PodRow row = PodKind.project(pod);
                Hyperlink link = new Hyperlink(row.name());
                link.setOnAction(e -> context.view().ui().showDetail(new ActionTarget(context.target().cluster(),
                        PodKind.GVK, row.namespace(), row.name())));
                box.getChildren().add(new HBox(8, link, Sections.toned(row.status(), PodKind.health(row).state().tone()),
                        Sections.muted(row.ready() + " ready, " + row.restarts() + " restarts")));
            }
        }
        box.getChildren().add(Sections.heading("Events (" + r.events().size() + ")"));
        if (r.events().isEmpty()) {
            box.getChildren().add(Sections.muted("No events about this object (events expire after an hour by default)."));
        }
        List<KubeObject> events = new ArrayList<>(r.events());
        events.sort(Comparator.comparing((KubeObject e) -> !"Warning".equals(e.string("type")))
                .thenComparing(e -> EventKind.project(e).last(), Comparator.nullsLast(Comparator.reverseOrder())));
        for (KubeObject e : events) {
            var row = EventKind.project(e);
            Label message = Sections.muted(row.message());
            box.getChildren().add(new VBox(2, new HBox(8,
                    Sections.toned(row.warning() ? "Warning" : "Normal", row.warning() ? CellTone.WARNING : CellTone.MUTED),
                    new Label(row.reason()), Sections.muted("×" + row.count() + ", "
                            + (row.last() == null ? "" : Formats.age(row.last(), Instant.now()) + " ago"))), message));
        }
        return box;
    }
}
