package dev.pilothouse.sdk.runbook;

import java.util.Map;

/**
 * A validated step, as the step type understood it.
 *
 * @param id         unique id within the runbook (other steps refer to it: {@code steps.ttft.failed})
 * @param type       the step type id
 * @param attributes validated attributes
 * @param body       the block's content, parameters not yet substituted
 * @param source     where it came from
 */
public record StepDefinition(String id, String type, Map<String, Object> attributes, String body, StepSource source) {

    public StepDefinition {
        attributes = Map.copyOf(attributes);
    }
}
