package dev.pilothouse.sdk.ui;

import dev.pilothouse.sdk.action.ActionTarget;

/** Things a view may ask of the shell. Call on the FX thread. */
public interface UiServices {

    /** Opens another view. */
    void navigate(String viewId);

    /** Shows a short, non-blocking notification. */
    void notify(String message);

    /** Opens the detail pane for an object. */
    void showDetail(ActionTarget target);
}
