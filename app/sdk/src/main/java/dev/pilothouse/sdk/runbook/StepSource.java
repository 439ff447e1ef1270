package dev.pilothouse.sdk.runbook;

import java.util.Map;

/**
 * A fenced step block as found in a runbook file, before the step type validates it.
 *
 * @param file       the runbook's path, for messages
 * @param line       1-based line of the opening fence
 * @param type       the info string's first word, e.g. {@code promql}
 * @param attributes the JSON attributes of the info string
 * @param body       the block's content
 */
public record StepSource(String file, int line, String type, Map<String, Object> attributes, String body) {

    public StepSource {
        attributes = Map.copyOf(attributes);
        body = body == null ? "" : body;
    }
}
