package dev.pilothouse.sdk.cluster;

/**
 * The answer of an access review.
 *
 * @param allowed whether the action is allowed
 * @param reason  the server's reason, or why the question could not be answered
 */
public record AccessDecision(boolean allowed, String reason) {

    public AccessDecision {
        reason = reason == null ? "" : reason;
    }
}
