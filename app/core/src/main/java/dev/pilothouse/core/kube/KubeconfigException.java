package dev.pilothouse.core.kube;

/** A kubeconfig could not be used. The message names the file or context at fault. */
public class KubeconfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public KubeconfigException(String message) {
        super(message);
    }

    public KubeconfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
