package dev.pilothouse.sdk.action;

import java.util.Objects;

/**
 * One exact change the engine will make. Bodies are JSON text, exactly as sent, so the preview, the dry-run, the
 * request and the audit record all show the same bytes.
 */
public sealed interface Mutation {

    /** What the mutation changes. */
    ActionTarget target();

    /**
     * A patch of an object or of one of its subresources.
     *
     * @param target      the object
     * @param type        patch format
     * @param body        the patch document
     * @param subresource {@code status}, {@code scale}, or empty for the object itself
     */
    record Patch(ActionTarget target, PatchType type, String body, String subresource) implements Mutation {
        public Patch {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(body, "body");
            subresource = subresource == null ? "" : subresource;
        }
    }

    /**
     * Creation of a new object.
     *
     * @param target the object to create (its name may be empty when the body uses generateName)
     * @param body   the object as JSON
     */
    record Create(ActionTarget target, String body) implements Mutation {
        public Create {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * Deletion of an object.
     *
     * @param target the object
     */
    record Delete(ActionTarget target) implements Mutation {
        public Delete {
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * A call to a cluster's Alertmanager or another HTTP service the host knows by name.
     *
     * @param target  the logical object (e.g. a silence)
     * @param service the host's service name, such as {@code alertmanager}
     * @param method  HTTP method
     * @param path    request path, such as {@code /api/v2/silences}
     * @param body    JSON request body, empty for none
     */
    record HttpCall(ActionTarget target, String service, String method, String path, String body) implements Mutation {
        public HttpCall {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            body = body == null ? "" : body;
        }
    }
}
