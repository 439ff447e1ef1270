package dev.pilothouse.sdk.action;

/** An action refuses to plan: the object's state does not allow it, or a parameter is wrong. The message says why. */
public class ActionException extends Exception {

    private static final long serialVersionUID = 1L;

    public ActionException(String message) {
        super(message);
    }
}
