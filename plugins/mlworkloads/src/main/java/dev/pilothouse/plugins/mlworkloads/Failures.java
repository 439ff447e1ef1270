package dev.pilothouse.plugins.mlworkloads;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Failures of asynchronous reads, worded for people. */
public final class Failures {

    private Failures() {
    }

    /** The message of the failure that caused it all, never "null": futures wrap it in layers that say nothing. */
    public static String message(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
