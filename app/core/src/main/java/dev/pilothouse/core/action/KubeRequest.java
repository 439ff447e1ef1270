package dev.pilothouse.core.action;

import dev.pilothouse.sdk.action.Mutation;

/**
 * The HTTP request a Kubernetes mutation becomes. The preview and the execution both derive it from here, so what
 * the user confirms is what is sent.
 *
 * @param method      PATCH, POST or DELETE
 * @param path        the API path
 * @param contentType the body's media type, empty without a body
 * @param body        the body exactly as sent, empty for none
 */
public record KubeRequest(String method, String path, String contentType, String body) {

    /** New objects are sent as plain JSON, the way kubectl create sends them. */
    public static final String JSON = "application/json";

    /** The request of a Kubernetes mutation. */
    public static KubeRequest of(Mutation.Patch patch) {
        return new KubeRequest("PATCH", ApiPaths.object(patch.target(), patch.subresource()),
                patch.type().contentType(), patch.body());
    }

    public static KubeRequest of(Mutation.Create create) {
        return new KubeRequest("POST", ApiPaths.collection(create.target()), JSON, create.body());
    }

    public static KubeRequest of(Mutation.Delete delete) {
        return new KubeRequest("DELETE", ApiPaths.object(delete.target(), ""), "", "");
    }
}
