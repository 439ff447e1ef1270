package dev.pilothouse.core.metrics.endpoint;

import java.nio.charset.StandardCharsets;

/**
 * An HTTP answer.
 *
 * @param status      the status code
 * @param contentType the {@code Content-Type} header, or ""
 * @param body        the body, decompressed
 */
public record HttpResult(int status, String contentType, byte[] body) {

    public HttpResult {
        contentType = contentType == null ? "" : contentType;
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the status is 2xx. */
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "HttpResult[status=" + status + ", contentType=" + contentType + ", " + body.length + " bytes]";
    }
}
