package dev.pilothouse.desktop.shell;

import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;

/** The shell's own minimal Namespace kind, feeding the namespace filter. */
final class Namespaces {

    static final GroupVersionKind GVK = GroupVersionKind.core("v1", "Namespace", "namespaces");

    /** Just the name. */
    record NamespaceRow(String uid, String name) implements Row {
        @Override
        public String namespace() {
            return "";
        }
    }

    static final ResourceKind<NamespaceRow> KIND = ResourceKind
            .builder(GVK, (KubeObject o) -> new NamespaceRow(o.uid(), o.name()))
            .clusterScoped()
            .build();

    private Namespaces() {
    }
}
