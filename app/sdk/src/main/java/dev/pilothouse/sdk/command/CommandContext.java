package dev.pilothouse.sdk.command;

/** What a palette command may ask of the host. Called on the FX thread. */
public interface CommandContext {

    /** Opens a view by id. */
    void navigate(String viewId);

    /** Makes a cluster (kubeconfig context) the active one. */
    void selectCluster(String name);

    /** Shows a short notification. */
    void notify(String message);

    /** The active cluster's name. */
    String activeCluster();
}
