package dev.pilothouse.sdk.ui;

import dev.pilothouse.sdk.kube.GroupVersionKind;
import javafx.scene.Node;

/** A section of the detail pane (YAML, conditions, owner chain, related pods, charts...). */
public interface DetailSection {

    /** Stable id, unique among detail sections. */
    String id();

    /** The section's heading. */
    String title();

    /** Position in the pane, lower first. */
    default int order() {
        return 100;
    }

    /** Whether the section applies to objects of this kind. */
    boolean appliesTo(GroupVersionKind gvk);

    /** Builds the section on the FX thread; load data asynchronously. */
    Node create(DetailContext context);
}
