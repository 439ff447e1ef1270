package dev.pilothouse.plugins.clusters.detail;

import dev.pilothouse.sdk.kube.KubeObject;

/** The label selector an object uses for its pods, shared by the detail sections. */
public final class RelatedSelectors {

    private RelatedSelectors() {
    }

    /** The selector as text ({@code a=b,c=d}), or null when the object selects no pods. */
    public static String selectorOf(KubeObject o) {
        return RelatedSection.selectorOf(o);
    }
}
