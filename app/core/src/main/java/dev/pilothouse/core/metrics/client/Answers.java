package dev.pilothouse.core.metrics.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pilothouse.core.metrics.endpoint.EndpointException;
import dev.pilothouse.core.metrics.endpoint.HttpResult;

import java.io.IOException;

/**
 * The checks every answer goes through before its data is read: is it JSON, is it Prometheus' error envelope, is the
 * status an error. Their order matters: Prometheus sends its error envelope with 4xx/5xx statuses, and those carry the
 * useful message ("parse error at char 5...").
 */
final class Answers {

    static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {
    }

    /** Whether the body starts like a JSON document (after white space). */
    static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                continue;
            }
            return b == '{' || b == '[' || b == '"';
        }
        return false;
    }

    /**
     * The {@code data} of a Prometheus envelope, as a tree.
     *
     * @throws EndpointException API_ERROR, HTTP_STATUS, NOT_JSON or MALFORMED
     */
    static Node prometheusData(HttpResult result, String endpoint) {
        JsonNode root = tree(result, endpoint);
        Node envelope = new Node(root, "", endpoint);
        checkEnvelope(envelope, result, endpoint);
        return envelope.field("data");
    }

    /** Raises the envelope's error, or a bad status, if any. */
    static void checkEnvelope(Node envelope, HttpResult result, String endpoint) {
        String status = envelope.node().path("status").asText("");
        if (status.equals("error")) {
            throw EndpointException.apiError(endpoint, result.status(), envelope.node().path("errorType").asText(""),
                    envelope.node().path("error").asText(""));
        }
        if (!result.ok()) {
            throw EndpointException.httpStatus(endpoint, result.status(), result.text());
        }
        if (!status.equals("success")) {
            throw EndpointException.malformed(endpoint, "status", "is '" + status + "', expected success or error");
        }
    }

    /**
     * A plain JSON answer (Alertmanager's API) as a tree.
     *
     * @throws EndpointException HTTP_STATUS, NOT_JSON or MALFORMED
     */
    static Node json(HttpResult result, String endpoint) {
        if (!result.ok()) {
            throw EndpointException.httpStatus(endpoint, result.status(), result.text());
        }
        return new Node(tree(result, endpoint), "", endpoint);
    }

    /** Raises HTTP_STATUS for a non-2xx answer. */
    static void requireOk(HttpResult result, String endpoint) {
        if (!result.ok()) {
            throw EndpointException.httpStatus(endpoint, result.status(), result.text());
        }
    }

    /** Raises NOT_JSON (or HTTP_STATUS for an error status with a non-JSON body) unless the body is JSON. */
    static void requireJson(HttpResult result, String endpoint) {
        if (!looksLikeJson(result.body())) {
            if (result.status() >= 300) {
                throw EndpointException.httpStatus(endpoint, result.status(), result.text());
            }
            throw EndpointException.notJson(endpoint, result.status(), result.text());
        }
    }

    private static JsonNode tree(HttpResult result, String endpoint) {
        requireJson(result, endpoint);
        try {
            return JSON.readTree(result.body());
        } catch (IOException e) {
            throw unreadable(result, endpoint, e);
        }
    }

    /**
     * What to report when an answer's body could not be parsed: an error status says more than the parser (a proxy's
     * HTML error page is not "malformed JSON", it is a 502), otherwise the parser's own complaint, shortened.
     */
    static EndpointException unreadable(HttpResult result, String endpoint, IOException e) {
        if (e instanceof JsonProcessingException json) {
            if (result.status() >= 300) {
                return EndpointException.httpStatus(endpoint, result.status(), result.text());
            }
            return EndpointException.malformed(endpoint, "the answer", "is not valid JSON: "
                    + EndpointException.excerpt(json.getOriginalMessage(), 160));
        }
        return EndpointException.malformed(endpoint, "the answer", "cannot be read: " + e.getMessage());
    }
}
