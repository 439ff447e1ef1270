package dev.pilothouse.plugins.clusters.detail;

import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.ui.DetailContext;
import dev.pilothouse.sdk.ui.DetailSection;
import dev.pilothouse.sdk.ui.ViewContext;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** The owner chain, walked up through ownerReferences: Pod → ReplicaSet → Deployment, each one click away. */
public final class OwnersSection implements DetailSection {

    private static final int MAX_DEPTH = 6;

    @Override
    public String id() {
        return "clusters.owners";
    }

    @Override
    public String title() {
        return "Owners";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public boolean appliesTo(GroupVersionKind gvk) {
        return true;
    }

    @Override
    public Node create(DetailContext context) {
        String cluster = context.target().cluster();
        CompletableFuture<List<KubeObject>> chain = context.object()
                .thenCompose(o -> walk(context.view(), cluster, o, new ArrayList<>()));
        return Sections.async(chain, "Following owner references…", owners -> render(context, owners));
    }

    /** Follows the controller reference (else the first owner) upwards; stops at an owner that cannot be read. */
    private static CompletableFuture<List<KubeObject>> walk(ViewContext view, String cluster, KubeObject object,
                                                           List<KubeObject> found) {
        List<KubeObject> refs = object.objects("metadata", "ownerReferences");
        if (refs.isEmpty() || found.size() >= MAX_DEPTH) {
            return CompletableFuture.completedFuture(found);
        }
        KubeObject ref = refs.stream().filter(r -> r.flag("controller")).findFirst().orElse(refs.getFirst());
        GroupVersionKind gvk = gvkOf(view, ref.string("apiVersion"), ref.string("kind"));
        ClusterService clusters = view.clusters();
        return clusters.get(cluster, gvk, object.namespace(), ref.string("name"))
                .thenCompose(owner -> {
                    found.add(owner);
                    return walk(view, cluster, owner, found);
                })
                .exceptionally(e -> found);
    }

    /** The registered kind for apiVersion/kind, else the API's usual plural (lower case + "s"). */
    static GroupVersionKind gvkOf(ViewContext view, String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
        GroupVersionKind guess = new GroupVersionKind(group, version, kind, kind.toLowerCase(Locale.ROOT) + "s");
        return view.resourceKind(guess).map(k -> new GroupVersionKind(group, version, kind, k.gvk().plural())).orElse(guess);
    }

    private static Node render(DetailContext context, List<KubeObject> owners) {
        if (owners.isEmpty()) {
            return Sections.empty("No owner: this object is managed directly.");
        }
        VBox box = new VBox(4);
        box.setId("owner-chain");
        String indent = "";
        for (KubeObject owner : owners) {
            Hyperlink link = new Hyperlink(indent + "↑ " + owner.kind() + " " + owner.name());
            GroupVersionKind gvk = gvkOf(context.view(), owner.apiVersion(), owner.kind());
            link.setOnAction(e -> context.view().ui().showDetail(new dev.pilothouse.sdk.action.ActionTarget(
                    context.target().cluster(), gvk, owner.namespace(), owner.name())));
            box.getChildren().add(link);
            indent += "   ";
        }
        return box;
    }
}
