package dev.pilothouse.core.kube;

/** A context's credentials could not be obtained (a failing exec plugin, an unreadable token file). */
public class CredentialException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CredentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
