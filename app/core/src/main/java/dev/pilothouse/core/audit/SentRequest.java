package dev.pilothouse.core.audit;

import java.util.Objects;

/**
 * One HTTP request an action sent, with its body byte for byte as it went out (already redacted by the caller:
 * the audit log never sees secrets, see docs/audit-format.md).
 *
 * @param method      PATCH, POST, DELETE, ...
 * @param path        the API path
 * @param contentType the body's media type, empty without a body
 * @param body        the body exactly as sent, empty for none
 */
public record SentRequest(String method, String path, String contentType, String body) {

    public SentRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }
}
