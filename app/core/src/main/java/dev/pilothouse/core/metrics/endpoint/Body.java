package dev.pilothouse.core.metrics.endpoint;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A request body and its content type.
 *
 * @param contentType the {@code Content-Type} header
 * @param text        the body, sent as UTF-8
 */
public record Body(String contentType, String text) {

    public Body {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(text, "text");
    }

    /** A form ({@code application/x-www-form-urlencoded}), which Prometheus takes for long queries. */
    public static Body form(Map<String, String> fields) {
        return new Body("application/x-www-form-urlencoded", fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")));
    }

    /** JSON text, sent exactly as given. */
    public static Body json(String json) {
        return new Body("application/json", json);
    }

    /** URL-encodes a query or form value. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
