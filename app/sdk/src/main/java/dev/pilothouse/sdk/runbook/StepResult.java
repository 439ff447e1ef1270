package dev.pilothouse.sdk.runbook;

import java.util.Map;

/**
 * What running a step produced.
 *
 * @param status  outcome
 * @param message for people: the value seen, the action's outcome
 * @param outputs values later steps may read ({@code steps.ID.NAME})
 */
public record StepResult(Status status, String message, Map<String, Object> outputs) {

    /** Outcomes of a step. */
    public enum Status { PASSED, FAILED, SKIPPED }

    public StepResult {
        message = message == null ? "" : message;
        outputs = Map.copyOf(outputs);
    }

    public static StepResult passed(String message) {
        return new StepResult(Status.PASSED, message, Map.of());
    }

    public static StepResult failed(String message) {
        return new StepResult(Status.FAILED, message, Map.of());
    }
}
