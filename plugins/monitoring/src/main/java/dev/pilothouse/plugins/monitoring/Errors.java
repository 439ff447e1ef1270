package dev.pilothouse.plugins.monitoring;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The message a person should read from a failed future: the cause's, not the async wrapper's. */
public final class Errors {

    private Errors() {
    }

    public static String message(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
