package dev.pilothouse.sdk.ui;

import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionResult;
import dev.pilothouse.sdk.action.ActionTarget;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Things a view may ask of the shell. Call on the FX thread. */
public interface UiServices {

    /** Opens another view. */
    void navigate(String viewId);

    /** Shows a short, non-blocking notification. */
    void notify(String message);

    /** Opens the detail pane for an object. */
    void showDetail(ActionTarget target);

    /**
     * Runs an action through the host: read-only mode, plan, preview and confirmation, execution. Completes with
     * what was done, or exceptionally with an {@link dev.pilothouse.sdk.action.ActionException} saying why nothing
     * was (read-only mode, cancelled, refused by the server).
     *
     * @param action     the action
     * @param target     what it acts on
     * @param parameters its parameters by id
     */
    CompletableFuture<ActionResult> runAction(Action action, ActionTarget target, Map<String, String> parameters);
}
