package dev.pilothouse.sdk.action;

import dev.pilothouse.sdk.kube.KubeObject;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the engine decides that an executed change worked: it re-reads (watches) the target and applies the check
 * to each new state until DONE, FAILED or the timeout.
 *
 * @param description what is awaited, e.g. "rollout complete"
 * @param timeout     how long to wait before reporting the change as unverified
 * @param check       a pure function of the target's current state
 */
public record Verification(String description, Duration timeout, Function<KubeObject, CheckResult> check) {

    public Verification {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(check, "check");
    }
}
