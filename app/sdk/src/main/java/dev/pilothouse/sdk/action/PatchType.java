package dev.pilothouse.sdk.action;

/** The patch formats the Kubernetes API accepts, with their content types. */
public enum PatchType {
    MERGE("application/merge-patch+json"),
    JSON("application/json-patch+json"),
    STRATEGIC_MERGE("application/strategic-merge-patch+json");

    private final String contentType;

    PatchType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
