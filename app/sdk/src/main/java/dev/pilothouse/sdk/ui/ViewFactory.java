package dev.pilothouse.sdk.ui;

/** Creates a view; called on the FX thread the first time the view is opened. */
@FunctionalInterface
public interface ViewFactory {

    /** Creates the view. Must not block: start loading and return. */
    View create(ViewContext context);
}
