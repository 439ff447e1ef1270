package dev.pilothouse.sdk.ui;

import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.concurrent.CompletableFuture;

/** What a detail section gets: the object, fetched on demand, and the view context. */
public interface DetailContext {

    /** The object shown. */
    ActionTarget target();

    /** The full object, fetched when the detail pane opened. */
    CompletableFuture<KubeObject> object();

    /** The context of the hosting view. */
    ViewContext view();
}
